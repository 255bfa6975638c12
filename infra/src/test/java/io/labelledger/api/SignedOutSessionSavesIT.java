package io.labelledger.api;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 follow-up: "Session was invalidated" 500s around sign-out in the browser tests. A request loads its session,
 * the person signs out meanwhile (another tab, a keep-alive draft save racing the sign-out), and the request saves the
 * session it loaded when it answers: the store refused that save and the finished request became a 500.
 */
class SignedOutSessionSavesIT extends IntegrationTest {
    @Autowired
    ReactiveSessionRepository<? extends Session> store;

    @Test
    @SuppressWarnings("unchecked")
    void aRequestThatAnswersAfterItsSessionWasSignedOutEndsWithoutAnErrorAndTheSessionStaysGone() {
        ReactiveSessionRepository<Session> sessions = (ReactiveSessionRepository<Session>) store;
        Session created = sessions.createSession().block(Duration.ofSeconds(5));
        created.setAttribute("who", "Ann");
        sessions.save(created).block(Duration.ofSeconds(5));

        Session loadedByARunningRequest = sessions.findById(created.getId()).block(Duration.ofSeconds(5));
        assertThat(loadedByARunningRequest).isNotNull();
        sessions.deleteById(created.getId()).block(Duration.ofSeconds(5)); // the sign-out

        loadedByARunningRequest.setAttribute("touched", "yes");
        sessions.save(loadedByARunningRequest).block(Duration.ofSeconds(5)); // threw "Session was invalidated" before
        assertThat(sessions.findById(created.getId()).blockOptional(Duration.ofSeconds(5))).isEmpty();
    }
}
