package io.labelledger.app;

import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.JobSweeper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * The job sweeper (docs/adr/0024): re-queues import and export jobs whose queue entry was lost, and deletes finished
 * exports after {@code labelledger.export.retention} (default 7 days).
 */
@Configuration
public class JobSweeperConfig {

    @Bean
    JobSweeper jobSweeper(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                          @Qualifier("importJobQueue") ImportJobQueue imports, @Qualifier("exportJobQueue") ImportJobQueue exports,
                          ImportJobFiles importFiles, ExportJobFiles exportFiles,
                          @Value("${labelledger.jobs.requeue-after:2m}") Duration grace,
                          @Value("${labelledger.export.retention:7d}") Duration exportRetention,
                          @Value("${labelledger.jobs.sweep-interval:1m}") Duration interval) {
        return new JobSweeper(jdbc, tx, clock, imports, exports, importFiles, exportFiles, grace, exportRetention, interval);
    }
}
