package io.labelledger.app;

import io.labelledger.identity.saml.SsoMetadataRefresher;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.JobSweeper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Periodic maintenance on Spring's task scheduler (one daemon thread, stopped with the context): the job sweeper
 * (docs/adr/0024: re-queues jobs whose queue entry was lost, expires exports after {@code labelledger.export.retention})
 * and the SSO metadata refresh (docs/adr/0025). Each first runs one interval after start-up.
 */
@Configuration
public class MaintenanceConfig {

    @Bean
    JobSweeper jobSweeper(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                          @Qualifier("importJobQueue") ImportJobQueue imports, @Qualifier("exportJobQueue") ImportJobQueue exports,
                          @Qualifier("bulkJobQueue") ImportJobQueue bulk,
                          ImportJobFiles importFiles, ExportJobFiles exportFiles,
                          @Value("${labelledger.jobs.requeue-after:2m}") Duration grace,
                          @Value("${labelledger.export.retention:7d}") Duration exportRetention) {
        return new JobSweeper(jdbc, tx, clock, imports, exports, bulk, importFiles, exportFiles, grace, exportRetention);
    }

    @Bean
    ThreadPoolTaskScheduler maintenanceScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("maintenance-");
        scheduler.setDaemon(true);
        return scheduler;
    }

    @Bean
    ApplicationRunner scheduleMaintenance(@Qualifier("maintenanceScheduler") ThreadPoolTaskScheduler scheduler, JobSweeper sweeper,
                                          SsoMetadataRefresher sso,
                                          @Value("${labelledger.jobs.sweep-interval:1m}") Duration sweepInterval,
                                          @Value("${labelledger.sso.metadata-refresh:6h}") Duration ssoInterval) {
        return args -> {
            scheduler.scheduleWithFixedDelay(sweeper::sweepQuietly, Instant.now().plus(sweepInterval), sweepInterval);
            scheduler.scheduleWithFixedDelay(sso::refreshAll, Instant.now().plus(ssoInterval), ssoInterval);
        };
    }
}
