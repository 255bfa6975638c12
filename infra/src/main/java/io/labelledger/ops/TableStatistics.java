package io.labelledger.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Keeps the planner's statistics of our tables current when autovacuum does not (turned off, as on this project's CI
 * machines, or lagging on a busy server): a table whose rows changed by more than autovacuum's own threshold since
 * its last ANALYZE (50 rows + 10 % of its live rows, PostgreSQL's defaults) is analysed. Measured (ADR 0053): right
 * after a 20,000-task import the label stream's candidate query took 206–228 ms on statistics of the empty table (a
 * bitmap scan of every open task and a sort) and 0.8 ms once analysed — the benchmark's whole load.
 */
public class TableStatistics {
    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private final JdbcTemplate jdbc;

    public TableStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables of the current schema that need it, analysed one by one; never throws. */
    public void refreshQuietly() {
        try {
            List<String> stale = jdbc.queryForList("""
                    SELECT relname FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND n_mod_since_analyze > 50 + 0.1 * n_live_tup
                    ORDER BY n_mod_since_analyze DESC""", String.class);
            for (String table : stale) {
                long started = System.nanoTime();
                jdbc.execute("ANALYZE " + quoted(table));
                log.debug("Analysed {} in {} ms", table, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("Could not refresh table statistics: {}", e.toString());
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
