package io.labelledger.task.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The import workers of this replica: a few threads, each a consumer of the job stream's group. On start a thread
 * first finishes what its consumer name left pending (a restart), then loops: take over entries idle longer than
 * {@code reclaimAfter} (a worker elsewhere died), else wait for a new entry. An entry is acknowledged only when its
 * job ended; a shutdown stops jobs between batches and leaves them pending.
 */
public class ImportJobWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ImportJobWorker.class);

    private final ImportJobQueue queue;
    private final JobRunner runner;
    private final String threadName;
    private final String name;
    private final int threads;
    private final Duration reclaimAfter;
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean active;

    public ImportJobWorker(ImportJobQueue queue, ImportJobRunner runner, String name, int threads, Duration reclaimAfter) {
        this(queue, runner, "import-worker-", name, threads, reclaimAfter);
    }

    /** Workers of another job kind (exports) on their own queue. */
    public ImportJobWorker(ImportJobQueue queue, JobRunner runner, String threadName, String name, int threads, Duration reclaimAfter) {
        this.queue = queue;
        this.runner = runner;
        this.threadName = threadName;
        this.name = name;
        this.threads = threads;
        this.reclaimAfter = reclaimAfter;
    }

    @Override
    public synchronized void start() {
        active = true;
        for (int i = 0; i < threads; i++) {
            String consumer = name + "-" + i;
            Thread t = Thread.ofPlatform().name(threadName + i).daemon(true).start(() -> loop(consumer));
            running.add(t);
        }
    }

    @Override
    public synchronized void stop() {
        active = false;
        for (Thread t : running) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }

    @Override
    public boolean isRunning() { return active; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE - 100; } // stops before the web server and the command bus

    private void loop(String consumer) {
        boolean resumed = false;
        while (active) {
            try (ImportJobQueue.Worker worker = queue.worker(consumer)) {
                if (!resumed) {
                    for (ImportJobQueue.Entry e : worker.ownPending()) handle(worker, e);
                    resumed = true;
                }
                while (active) {
                    List<ImportJobQueue.Entry> entries = worker.reclaim(reclaimAfter, 1);
                    if (entries.isEmpty()) entries = worker.next(Duration.ofSeconds(1));
                    for (ImportJobQueue.Entry e : entries) handle(worker, e);
                }
            } catch (RuntimeException e) {
                if (!active) return;
                log.warn("{}{}: {}; retrying", threadName, consumer, e.toString());
                sleep();
            }
        }
    }

    private void handle(ImportJobQueue.Worker worker, ImportJobQueue.Entry entry) {
        if (!active) return;
        ImportJobRunner.Outcome outcome = runner.run(entry.jobId(), () -> active, () -> worker.touch(entry.id()));
        if (outcome == ImportJobRunner.Outcome.ENDED) worker.ack(entry.id());
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
