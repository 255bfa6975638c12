package io.labelledger.app;

import io.labelledger.api.Commands;
import io.labelledger.eventstore.EventStoreImportedBatches;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.task.importing.LabelStudioTaskParser;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobProgress;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobRunner;
import io.labelledger.task.jobs.ImportJobStore;
import io.labelledger.task.jobs.ImportJobWorker;
import io.labelledger.task.jobs.ImportedBatches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Background import jobs (ADR 0016): files under {@code labelledger.import.dir}, the queue on a Redis Stream named
 * after the database (replicas of one deployment share it; test runs on one Redis with separate databases do not),
 * and {@code labelledger.import.workers} worker threads per replica.
 */
@Configuration
public class ImportJobConfig {

    @Bean
    ImportJobStore importJobStore(JdbcTemplate jdbc, Clock clock) { return new ImportJobStore(jdbc, clock); }

    @Bean
    ImportJobFiles importJobFiles(@Value("${labelledger.import.dir:${java.io.tmpdir}/labelledger-imports}") String dir) {
        return new ImportJobFiles(Path.of(dir));
    }

    @Bean
    ImportJobProgress importJobProgress(ReactiveStringRedisTemplate redis) { return new ImportJobProgress(redis); }

    /** Primary: the export jobs' queue is the other bean of this type (ExportJobConfig). */
    @Bean(destroyMethod = "close")
    @Primary
    ImportJobQueue importJobQueue(@Value("${labelledger.redis.url}") String redisUrl, JdbcTemplate jdbc) {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        return new ImportJobQueue(redisUrl, "ll:jobs:import:" + database);
    }

    @Bean
    ImportedBatches importedBatches(JdbcTemplate jdbc) { return new EventStoreImportedBatches(jdbc); }

    @Bean
    ImportJobRunner importJobRunner(ImportJobStore jobs, ImportJobProgress progress, OrganizationLabelingConfigs configs,
                                    LabelStudioTaskParser parser, Commands commands, ImportedBatches batches, ImportJobFiles files) {
        return new ImportJobRunner(jobs, progress, configs, parser, commands, batches, files);
    }

    @Bean
    @Primary
    ImportJobWorker importJobWorker(ImportJobQueue queue, ImportJobRunner runner,
                                    @Value("${labelledger.import.workers:2}") int threads,
                                    @Value("${labelledger.import.reclaim-after:60s}") Duration reclaimAfter,
                                    @Value("${labelledger.import.consumer:}") String consumer) {
        return new ImportJobWorker(queue, runner, consumer.isBlank() ? hostName() : consumer, threads, reclaimAfter);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "labelledger";
        }
    }
}
