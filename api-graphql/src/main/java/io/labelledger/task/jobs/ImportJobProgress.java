package io.labelledger.task.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Announces on Redis pub/sub that a job's row changed, so every replica's subscribers reload it. */
public class ImportJobProgress {
    public static final String CHANNEL_PREFIX = "ll:import-job:";
    private static final Logger log = LoggerFactory.getLogger(ImportJobProgress.class);
    private final ReactiveStringRedisTemplate redis;

    public ImportJobProgress(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public void changed(String jobId, ImportJob.State state) {
        // fire and forget: the row is committed; a lost message only delays a progress bar until the next one
        redis.convertAndSend(CHANNEL_PREFIX + jobId, state.name())
             .subscribe(n -> {}, e -> log.warn("Could not publish import job progress: {}", e.toString()));
    }
}
