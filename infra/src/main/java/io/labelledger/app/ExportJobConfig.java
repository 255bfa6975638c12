package io.labelledger.app;

import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.export.LabelStudioExport;
import io.labelledger.task.exportfile.ExportBodies;
import io.labelledger.task.history.TaskHistory;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ExportJobRunner;
import io.labelledger.task.jobs.ExportJobStore;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobWorker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Background export jobs (ADR 0018): the same Redis Stream machinery as imports on a stream and consumer group of
 * their own ({@code ll:jobs:export:<database>}, group {@code exporters}), files under {@code labelledger.export.dir}.
 */
@Configuration
public class ExportJobConfig {

    @Bean
    ExportBodies exportBodies(ExportQueries exports, LabelStudioExport shapes, JsonMapper json, Clock clock) {
        return new ExportBodies(exports, shapes, json, clock);
    }

    @Bean
    ExportJobStore exportJobStore(JdbcTemplate jdbc, Clock clock) { return new ExportJobStore(jdbc, clock); }

    @Bean
    ExportJobFiles exportJobFiles(@Value("${labelledger.export.dir:${java.io.tmpdir}/labelledger-exports}") String dir) {
        return new ExportJobFiles(Path.of(dir));
    }

    @Bean(destroyMethod = "close")
    ImportJobQueue exportJobQueue(@Value("${labelledger.redis.url}") String redisUrl, JdbcTemplate jdbc) {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        return new ImportJobQueue(redisUrl, "ll:jobs:export:" + database, "exporters");
    }

    @Bean
    ExportJobRunner exportJobRunner(ExportJobStore jobs, ExportJobFiles files, ExportQueries exports, ExportBodies bodies,
                                    OrganizationLabelingConfigs configs, TaskHistory history) {
        return new ExportJobRunner(jobs, files, exports, bodies, configs, history);
    }

    @Bean
    ImportJobWorker exportJobWorker(@Qualifier("exportJobQueue") ImportJobQueue queue, ExportJobRunner runner,
                                    @Value("${labelledger.export.workers:1}") int threads,
                                    @Value("${labelledger.export.reclaim-after:60s}") Duration reclaimAfter,
                                    @Value("${labelledger.import.consumer:}") String consumer) {
        return new ImportJobWorker(queue, runner, "export-worker-", consumer.isBlank() ? hostName() : consumer, threads, reclaimAfter);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "labelledger";
        }
    }
}
