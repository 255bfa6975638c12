package io.labelledger.task.jobs;

import java.util.function.BooleanSupplier;

/** Runs one queued job to its end, or until asked to stop (then the queue entry stays pending for a later run). */
public interface JobRunner {
    /**
     * @param keepGoing asked between steps; false stops the job where it is (it resumes later, elsewhere)
     * @param alive     called after every step: the worker tells the queue the job is not abandoned
     */
    ImportJobRunner.Outcome run(String jobId, BooleanSupplier keepGoing, Runnable alive);
}
