package io.labelledger.workflow;

import io.labelledger.LabelLedgerApplication;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.task.api.ReserveTask;
import io.labelledger.task.api.TaskId;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.TestServers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reservation's expiry deadline is persisted (db-scheduler's table, ADR 0036): scheduled by one application context
 * that is then closed before the expiry, it fires after the application starts again and records the expiry.
 */
class ReservationDeadlineRestartIT {
    static final String RELEASED = "io.labelledger.task.api.ReservationReleased";

    static ConfigurableApplicationContext start() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // as arguments: they outrank application.yml (default properties would not)
        return new SpringApplicationBuilder(LabelLedgerApplication.class).run(
                "--labelledger.db.url=" + TestServers.jdbcUrl(), "--labelledger.db.username=postgres", "--labelledger.db.password=",
                "--labelledger.redis.url=" + TestServers.redisUrl(),
                "--labelledger.sso.master-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "--labelledger.deadlines.polling-interval=1s", "--server.port=0", "--server.shutdown=immediate");
    }

    static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static int released(JdbcTemplate jdbc, String task) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Integer.class, task, RELEASED);
    }

    @Test
    void aReservationScheduledBeforeARestartExpiresAfterIt() {
        String task;
        Instant expiresAt;
        ConfigurableApplicationContext first = start();
        try {
            ApiClient manager = ApiClient.signUp(port(first), "Dee");
            String project = manager.createProject("Restart", ApiClient.TEXT_CONFIG);
            manager.importTasks(project, "{\"text\":\"one\"}\n", "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
            manager.post("mutation($i: UpdateProjectSettingsInput!) { updateProjectSettings(input: $i) { errors { code } } }",
                    Map.of("i", Map.of("projectId", project, "distribution",
                            Map.of("mode", "AUTO", "overlap", 1, "reservationMinutes", 1, "sampling", "SEQUENTIAL"))));
            task = manager.firstTask(project);
            // a one-minute reservation taken 40 s ago: it expires 20 s from now, after this context has closed
            expiresAt = first.getBean(CommandGateway.class).sendAndWait(new ReserveTask(new TaskId(task),
                    new OrganizationId(manager.organizationId), new UserId(manager.userId), Instant.now().minusSeconds(40)));
            assertThat(expiresAt).isAfter(Instant.now().plusSeconds(10));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isGreaterThanOrEqualTo(1);
            assertThat(released(jdbc, task)).isZero();
        } finally {
            first.close();
        }
        assertThat(Instant.now()).as("the first application closed before the reservation was due").isBefore(expiresAt);
        ConfigurableApplicationContext second = start();
        try {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> released(jdbc, task) == 1);
            List<Map<String, Object>> events = jdbc.queryForList(
                    "SELECT convert_from(payload, 'UTF8') AS payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                    task, RELEASED);
            assertThat((String) events.getFirst().get("payload")).contains("\"reason\":\"EXPIRED\"");
        } finally {
            second.close();
        }
    }
}
