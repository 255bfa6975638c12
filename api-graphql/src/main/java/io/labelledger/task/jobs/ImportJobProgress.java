package io.labelledger.task.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Announces on Redis pub/sub that a job's row changed, so every replica's subscribers reload it. One channel per job:
 * {@link #CHANNEL_PREFIX} for imports, {@link #BULK_CHANNEL_PREFIX} for bulk actions (ADR 0048).
 */
public class ImportJobProgress {
    public static final String CHANNEL_PREFIX = "ll:import-job:";
    public static final String BULK_CHANNEL_PREFIX = "ll:bulk-job:";
    private static final Logger log = LoggerFactory.getLogger(ImportJobProgress.class);
    private final ReactiveStringRedisTemplate redis;
    private final String prefix;

    public ImportJobProgress(ReactiveStringRedisTemplate redis) {
        this(redis, CHANNEL_PREFIX);
    }

    /** The progress of another kind of job, on channels of its own. */
    public ImportJobProgress(ReactiveStringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    public void changed(String jobId, ImportJob.State state) {
        changed(jobId, state.name());
    }

    public void changed(String jobId, String state) {
        // fire and forget: the row is committed; a lost message only delays a progress bar until the next one
        redis.convertAndSend(prefix + jobId, state)
             .subscribe(n -> {}, e -> log.warn("Could not publish job progress on {}: {}", prefix, e.toString()));
    }
}
