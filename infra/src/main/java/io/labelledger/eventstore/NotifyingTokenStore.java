package io.labelledger.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC token store, which also says where a processor's segment has got to: each stored token is a
 * {@code NOTIFY} on {@link #CHANNEL} ("processor segment position") in the same transaction as the token and the
 * projection's rows, so PostgreSQL delivers it to every listening replica exactly when what it announces is visible
 * ({@link ProjectionPositions}). Stored for every batch, empty ones included (events a processor has no handler for
 * still move its token), so a waiter always hears of the position it waits for.
 */
public class NotifyingTokenStore extends JdbcTokenStore {
    public static final String CHANNEL = "ll_projected";
    private final JdbcTemplate jdbc;

    public NotifyingTokenStore(JdbcTokenStore.Builder builder, JdbcTemplate jdbc) {
        super(builder);
        this.jdbc = jdbc;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        super.storeToken(token, processorName, segment);
        if (token == null) return;
        token.position().ifPresent(position ->
                jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, processorName + " " + segment + " " + position));
    }
}
