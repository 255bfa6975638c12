package io.labelledger.task.jobs;

import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.NotFound;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.exportfile.ExportBodies;
import io.labelledger.task.history.TaskHistory;
import io.labelledger.task.history.TaskSnapshotView;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Writes one export job's file, page by page, to {@code <job>.part} and renames it to the finished name only when
 * whole. The tasks are those numbered up to the job's snapshot; with {@code asOf} each is folded from the event store
 * as it was then ({@link TaskHistory}); with {@code onlyGroundTruth} only ground-truth annotations and with
 * {@code userIds} only those users' annotations are kept, and tasks left without one are left out. A job stopped or crashed half-way is restarted from the first page (the part is
 * truncated), so nothing half-written is ever served.
 */
public class ExportJobRunner implements JobRunner {
    private static final Logger log = LoggerFactory.getLogger(ExportJobRunner.class);

    private final ExportJobStore jobs;
    private final ExportJobFiles files;
    private final ExportQueries exports;
    private final ExportBodies bodies;
    private final OrganizationLabelingConfigs configs;
    private final TaskHistory history;

    public ExportJobRunner(ExportJobStore jobs, ExportJobFiles files, ExportQueries exports, ExportBodies bodies,
                           OrganizationLabelingConfigs configs, TaskHistory history) {
        this.jobs = jobs;
        this.files = files;
        this.exports = exports;
        this.bodies = bodies;
        this.configs = configs;
        this.history = history;
    }

    /** Thrown inside the page stream when the worker is asked to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }

    @Override
    public ImportJobRunner.Outcome run(String jobId, BooleanSupplier keepGoing, Runnable alive) {
        ExportJob job = jobs.get(jobId).orElse(null);
        if (job == null || job.state().terminal()) return ImportJobRunner.Outcome.ENDED;
        LabelingConfig config;
        try {
            config = configs.current(new ProjectId(job.projectId()), new OrganizationId(job.organizationId()));
        } catch (NotFound e) {
            jobs.failed(jobId, "The project no longer exists");
            return ImportJobRunner.Outcome.ENDED;
        }
        Path part = files.partial(jobId);
        try {
            // a selection's total was fixed with it (export_job_task)
            long total = job.selected() ? job.totalTasks()
                    : exports.snapshot(job.organizationId(), job.projectId(), job.onlyCompleted() && job.asOf() == null,
                                          job.onlyGroundTruth() && job.asOf() == null)
                                .map(s -> s.taskCount()).blockOptional().orElse(0L);
            jobs.started(jobId, total);
            AtomicLong processed = new AtomicLong();
            AtomicLong written = new AtomicLong();
            Flux<List<ExportTask>> pages = pages(job)
                    .publishOn(Schedulers.boundedElastic())
                    .map(page -> {
                        if (!keepGoing.getAsBoolean()) throw new Stopped();
                        List<ExportTask> kept = filter(job, page);
                        jobs.progress(jobId, processed.addAndGet(page.size()), written.addAndGet(kept.size()));
                        alive.run();
                        return kept;
                    });
            Flux<DataBuffer> body = bodies.body(job.format(), job.rawValues(), config, job.organizationId(), job.projectId(), pages,
                                                DefaultDataBufferFactory.sharedInstance).orElse(null);
            if (body == null) {
                jobs.failed(jobId, "The project's labeling config cannot be exported as " + job.format());
                return ImportJobRunner.Outcome.ENDED;
            }
            DataBufferUtils.write(body, part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                                  StandardOpenOption.WRITE).block();
            Path done = files.done(jobId);
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            jobs.completed(jobId, processed.get(), written.get(), Files.size(done));
            return ImportJobRunner.Outcome.ENDED;
        } catch (Stopped e) {
            return ImportJobRunner.Outcome.STOPPED;
        } catch (RuntimeException | IOException e) {
            if (hasCause(e, Stopped.class)) return ImportJobRunner.Outcome.STOPPED;
            log.warn("Export job {} failed", jobId, e);
            deleteQuietly(part);
            jobs.failed(jobId, "The export could not be written");
            return ImportJobRunner.Outcome.ENDED;
        }
    }

    private Flux<List<ExportTask>> pages(ExportJob job) {
        // as of an instant, "completed" and ground truth are decided from the folded task, not today's row
        return exports.pages(job.organizationId(), job.projectId(), job.onlyCompleted() && job.asOf() == null,
                             job.onlyGroundTruth() && job.asOf() == null, job.maxNumber(), job.selected() ? job.id() : null);
    }

    /** The page as the job's filters want it. Blocking (event store reads): called on boundedElastic. */
    List<ExportTask> filter(ExportJob job, List<ExportTask> page) {
        Map<String, TaskSnapshotView> then = job.asOf() == null ? Map.of()
                : history.asOf(job.organizationId(), page.stream().map(t -> t.task().id()).toList(), job.asOf());
        List<ExportTask> tasks = page.stream()
                   .map(t -> job.asOf() == null ? Optional.of(t) : Optional.ofNullable(then.get(t.task().id())).map(s -> then(t.task(), s)))
                   .flatMap(Optional::stream)
                   // one annotation completes a task (the projection's overlap); with asOf it is decided on the fold
                   .filter(t -> !job.onlyCompleted() || job.asOf() == null || t.task().completed())
                   .toList();
        // the same annotation filters as the synchronous download
        return ExportQueries.filterAnnotations(tasks, job.onlyGroundTruth(), new HashSet<>(job.userIds()));
    }

    /** Today's row with the folded state: data, annotations, skips, counts; predictions are as imported (never changed). */
    private static ExportTask then(TaskView today, TaskSnapshotView s) {
        List<AnnotationView> annotations = s.annotations();
        Instant updated = annotations.stream().map(AnnotationView::updatedAt).max(Instant::compareTo).orElse(today.createdAt());
        TaskView view = new TaskView(today.id(), today.projectId(), today.number(), s.data(), today.predictions(), annotations.size(),
                s.skipCount(), today.predictionCount(), !annotations.isEmpty(), today.createdAt(), updated,
                annotations.stream().anyMatch(AnnotationView::groundTruth));
        return new ExportTask(view, annotations, ExportQueries.skippers(s.skippedBy().toArray(String[]::new), annotations), Map.of(), Map.of());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the next attempt truncates it anyway
        }
    }
}
