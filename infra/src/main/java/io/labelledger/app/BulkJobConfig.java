package io.labelledger.app;

import io.labelledger.api.Commands;
import io.labelledger.task.jobs.BulkJobRunner;
import io.labelledger.task.jobs.BulkJobStore;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobProgress;
import io.labelledger.task.jobs.ProjectJobsCleanup;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobWorker;
import io.labelledger.task.read.TaskQueries;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;

/**
 * Data Manager bulk actions (issue 11, ADR 0042): the job machinery of imports and exports (ADR 0018) on a stream and
 * consumer group of their own ({@code ll:jobs:bulk:<database>}, group {@code bulk}).
 */
@Configuration
public class BulkJobConfig {

    @Bean
    BulkJobStore bulkJobStore(JdbcTemplate jdbc, Clock clock) { return new BulkJobStore(jdbc, clock); }

    @Bean(destroyMethod = "close")
    ImportJobQueue bulkJobQueue(@Value("${labelledger.redis.url}") String redisUrl, JdbcTemplate jdbc) {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        return new ImportJobQueue(redisUrl, "ll:jobs:bulk:" + database, "bulk");
    }

    @Bean
    BulkJobRunner bulkJobRunner(BulkJobStore jobs, TaskQueries tasks, Commands commands, JsonMapper json, ReactiveStringRedisTemplate redis) {
        // not a bean of its own: the import job's progress is the one bean of that type
        return new BulkJobRunner(jobs, tasks, commands, json, new ImportJobProgress(redis, ImportJobProgress.BULK_CHANNEL_PREFIX));
    }

    @Bean
    ImportJobWorker bulkJobWorker(@Qualifier("bulkJobQueue") ImportJobQueue queue, BulkJobRunner runner,
                                  @Value("${labelledger.bulk.workers:1}") int threads,
                                  @Value("${labelledger.bulk.reclaim-after:60s}") Duration reclaimAfter,
                                  @Value("${labelledger.import.consumer:}") String consumer) {
        return new ImportJobWorker(queue, runner, "bulk-worker-", consumer.isBlank() ? hostName() : consumer, threads, reclaimAfter);
    }

    /** A deleted project's jobs and files (subscribing: in the transaction of ProjectDeleted). */
    @Bean
    ProjectJobsCleanup projectJobsCleanup(JdbcTemplate jdbc, ExportJobFiles exportFiles, ImportJobFiles importFiles) {
        return new ProjectJobsCleanup(jdbc, exportFiles, importFiles);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "labelledger";
        }
    }
}
