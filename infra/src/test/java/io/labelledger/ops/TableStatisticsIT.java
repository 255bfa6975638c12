package io.labelledger.ops;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0053: with autovacuum off (as here), a table filled after its last ANALYZE keeps the statistics of its empty
 * self and the planner picks plans for 13 rows; the keeper analyses tables whose changes passed autovacuum's threshold.
 */
class TableStatisticsIT extends IntegrationTest {
    @Autowired
    TableStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;

    long modifiedSinceAnalyze(String table) {
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForObject("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = ? AND schemaname = current_schema()",
                Long.class, table);
    }

    @Test
    void aTableFilledSinceItsLastAnalyzeIsAnalyzedAndAQuietOneIsLeftAlone() {
        jdbc.execute("DROP TABLE IF EXISTS stats_probe");
        jdbc.execute("CREATE TABLE stats_probe (id int PRIMARY KEY, v text)");
        jdbc.execute("ANALYZE stats_probe");
        jdbc.update("INSERT INTO stats_probe SELECT i, 'x' FROM generate_series(1, 5000) i");
        // statistics reach pg_stat_user_tables when the writing backend reports them (at most ~1 s later)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> modifiedSinceAnalyze("stats_probe") >= 5000);

        statistics.refreshQuietly();

        assertThat(modifiedSinceAnalyze("stats_probe")).isZero();
        Long analyzed = jdbc.queryForObject("SELECT reltuples::bigint FROM pg_class WHERE relname = 'stats_probe'", Long.class);
        assertThat(analyzed).isEqualTo(5000);
        jdbc.update("INSERT INTO stats_probe VALUES (5001, 'y')"); // one row: below the threshold, left to autovacuum
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> modifiedSinceAnalyze("stats_probe") == 1);
        statistics.refreshQuietly();
        assertThat(modifiedSinceAnalyze("stats_probe")).isEqualTo(1);
        jdbc.execute("DROP TABLE stats_probe");
    }
}
