package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

/** Password sign-in is throttled per account in Redis: after 5 failures even the right password waits. */
class LoginThrottleIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterEach
    void forgetThisAddressesFailures() {
        // the shared Redis outlives the test JVM: don't let these failures count against later runs from 127.0.0.1
        redis.delete("ll:login:fail:address:127.0.0.1").block();
    }

    @Test
    void fiveFailuresLockTheAccountButNotOthers() {
        String email = "throttled-" + UUID.randomUUID() + "@example.test";
        String password = "correct horse battery";
        signUp(email, password);
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).expectStatus().isUnauthorized();
        }
        login(email, password).expectStatus().isEqualTo(429)
                              .expectHeader().exists("Retry-After")
                              .expectBody().jsonPath("$.errors[0].code").isEqualTo("RATE_LIMITED");

        String other = "unthrottled-" + UUID.randomUUID() + "@example.test";
        signUp(other, password);
        login(other, "one wrong try").expectStatus().isUnauthorized();
        login(other, password).expectStatus().isOk().expectCookie().exists("SESSION");
    }

    private void signUp(String email, String password) {
        ApiClient.web(port).post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("email", email, "password", password, "displayName", "Throttle test"))
                 .exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String email, String password) {
        return ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", password)).exchange();
    }
}
