package io.labelledger.shared;

import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A resource the request needed did not answer in time: Redis (its command timeout), a database pool (acquire
 * timeout) or a query's statement timeout. That is the server being busy or degraded, not the caller's error and not
 * a bug: it answers {@code UNAVAILABLE} (HTTP 503), and the caller may retry (issue 9).
 */
public final class Busy {
    /** By name: the classes live in drivers this module does not otherwise need. */
    private static final Set<String> TIMEOUTS = Set.of(
            "io.lettuce.core.RedisCommandTimeoutException",
            "io.lettuce.core.RedisConnectionException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.data.redis.RedisConnectionFailureException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "io.r2dbc.spi.R2dbcTimeoutException",
            "reactor.pool.PoolAcquireTimeoutException",
            "java.sql.SQLTransientConnectionException");

    public static final String MESSAGE = "The server is busy; try again in a moment";

    private Busy() {}

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) return true;
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (TIMEOUTS.contains(c.getName())) return true;
            }
        }
        return false;
    }
}
