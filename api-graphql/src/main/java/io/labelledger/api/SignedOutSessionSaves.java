package io.labelledger.api;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * A request that was already running when its session was signed out (another tab, the sign-out itself racing a
 * draft's keep-alive save or a subscription) saves the session it loaded when it answers; Spring Session's Redis store
 * refuses that with "Session was invalidated", which surfaced as a 500 on an otherwise finished request. The session
 * is gone on purpose: the save is dropped, the store keeps it deleted, and the next request is signed out (401).
 */
public final class SignedOutSessionSaves<S extends Session> implements ReactiveSessionRepository<S> {
    static final String INVALIDATED = "Session was invalidated";
    private final ReactiveSessionRepository<S> store;

    public SignedOutSessionSaves(ReactiveSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    public Mono<S> createSession() {
        return store.createSession();
    }

    @Override
    public Mono<Void> save(S session) {
        return store.save(session).onErrorResume(IllegalStateException.class,
                e -> INVALIDATED.equals(e.getMessage()) ? Mono.empty() : Mono.error(e));
    }

    @Override
    public Mono<S> findById(String id) {
        return store.findById(id);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return store.deleteById(id);
    }
}
