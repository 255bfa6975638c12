package io.labelledger.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole application on a random port against real PostgreSQL and Redis.
 * All subclasses share one Spring context (same properties), hence one database per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import({TestClock.Config.class, TestMediaPolicy.Config.class})
public abstract class IntegrationTest {
    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));
    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("labelledger.db.url", TestServers::jdbcUrl);
        registry.add("labelledger.db.username", () -> "postgres");
        registry.add("labelledger.db.password", () -> "");
        registry.add("labelledger.redis.url", TestServers::redisUrl);
        // the key that seals SSO signing keys: generated per test JVM, never in the repository
        registry.add("labelledger.sso.master-key", () -> MASTER_KEY);
        // no graceful wait for open sockets when the test JVM exits
        registry.add("server.shutdown", () -> "immediate");
        // email-domain verification asks the test JVM's own DNS server (TestDns)
        registry.add("labelledger.dns.resolver", () -> TestDns.get().address());
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.data.redis.core.ReactiveStringRedisTemplate throttleRedis;

    /**
     * Every test signs in from 127.0.0.1: failed sign-ins of one test (they count per address too, ADR 0028) must not
     * count against the next one, nor against later runs (the shared Redis outlives the test JVM).
     */
    @org.junit.jupiter.api.AfterEach
    void forgetLoopbackSignInFailures() {
        throttleRedis.delete(io.labelledger.identity.account.LoginThrottle.addressKey("127.0.0.1")).block();
    }
}
