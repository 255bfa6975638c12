package io.labelledger.app;

import io.labelledger.audit.read.AuditPublicKey;
import io.labelledger.audit.signing.AuditCheckpointer;
import io.labelledger.audit.signing.InstallationSigningKey;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The verifiable audit trail's signing side (ADR 0051): the installation key and the checkpoints. */
@Configuration
public class AuditConfig {
    @Bean
    InstallationSigningKey auditSigningKey(@Value("${labelledger.audit.key-file}") Path file) {
        return InstallationSigningKey.loadOrCreate(file);
    }

    @Bean
    AuditPublicKey auditPublicKey(InstallationSigningKey key) {
        return new AuditPublicKey(key.keyId(), key.pem(), key.publicKeyBase64());
    }

    @Bean
    AuditCheckpointer auditCheckpointer(JdbcTemplate jdbc, EventGateway events, InstallationSigningKey key, Clock clock,
                                        @Value("${labelledger.audit.checkpoint.every-events:1000}") long everyEvents,
                                        @Value("${labelledger.audit.checkpoint.every:10m}") Duration every,
                                        @Value("${labelledger.audit.checkpoint.sink-file:}") String sink) {
        return new AuditCheckpointer(jdbc, events, key, clock, everyEvents, every, sink.isBlank() ? null : Path.of(sink));
    }

    /** Looks for due chains every {@code poll} on a thread of its own (no TaskScheduler bean: others inject theirs by type). */
    @Bean(destroyMethod = "close")
    AutoCloseable auditCheckpointSchedule(AuditCheckpointer checkpointer,
                                                                         @Value("${labelledger.audit.checkpoint.poll:15s}") Duration poll) {
        java.util.concurrent.ScheduledExecutorService thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoint");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(checkpointer::checkpointQuietly, poll.toMillis(), poll.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return thread::shutdownNow;
    }
}
