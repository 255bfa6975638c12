package io.labelledger.task.jobs;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.importing.LabelStudioTaskParser;
import io.labelledger.task.importing.LabelStudioTaskParser.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs one import job from its file on disk, streaming: ALL_OR_NOTHING first reads the whole file to check every
 * record (nothing is imported if one is bad), then a second pass appends the tasks in batches of {@value #BATCH}, one
 * {@link ImportTasks} command (one transaction) each. Task ids are derived from the job id and the record's
 * position, so a job resumed after a crash re-reads the file, recognises the batches already in the event store and
 * skips them: no task is imported twice.
 */
public class ImportJobRunner implements JobRunner {
    public static final int BATCH = 1000;
    private static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

    public enum Outcome {
        /** The job ended (completed, failed, or was already over): its queue entry can go. */
        ENDED,
        /** Asked to stop before the end (shutdown): the entry stays pending for the next worker. */
        STOPPED
    }

    private final ImportJobStore jobs;
    private final ImportJobProgress progress;
    private final OrganizationLabelingConfigs configs;
    private final LabelStudioTaskParser parser;
    private final Commands commands;
    private final ImportedBatches batches;
    private final ImportJobFiles files;

    public ImportJobRunner(ImportJobStore jobs, ImportJobProgress progress, OrganizationLabelingConfigs configs,
                           LabelStudioTaskParser parser, Commands commands, ImportedBatches batches, ImportJobFiles files) {
        this.jobs = jobs;
        this.progress = progress;
        this.configs = configs;
        this.parser = parser;
        this.commands = commands;
        this.batches = batches;
        this.files = files;
    }

    /**
     * @param keepGoing asked between batches; false stops the job where it is (it resumes later, elsewhere)
     * @param alive     called after every batch: the worker tells the queue the job is not abandoned
     */
    @Override
    public Outcome run(String jobId, BooleanSupplier keepGoing, Runnable alive) {
        ImportJob job = jobs.get(jobId).orElse(null);
        if (job == null || job.state().terminal()) return Outcome.ENDED;
        Path file = files.of(jobId);
        try {
            if (!Files.isRegularFile(file)) return fail(job, 0, 0, 0, "The uploaded file is no longer available");
            LabelingConfig config;
            try {
                config = configs.current(new ProjectId(job.projectId()), new OrganizationId(job.organizationId()));
            } catch (NotFound e) {
                return fail(job, 0, 0, 0, "Project not found");
            }
            if (job.mode() == ImportJob.Mode.ALL_OR_NOTHING) {
                Pass check = new Pass(job, null, keepGoing, alive);
                start(job, ImportJob.State.VALIDATING);
                LabelStudioTaskParser.Outcome read = read(file, parser, config, check);
                if (check.stopped) return Outcome.STOPPED;
                check.flushRejections();
                if (read.error() != null) return fail(job, read.records(), 0, check.rejected, read.error());
                if (check.rejected > 0) {
                    return fail(job, read.records(), 0, check.rejected, check.rejected + " record(s) are invalid; nothing was imported");
                }
            }
            Pass load = new Pass(job, new ImportId(job.id()), keepGoing, alive);
            start(job, ImportJob.State.IMPORTING);
            LabelStudioTaskParser.Outcome read = read(file, parser.withIds(idsOf(job.id())), config, load);
            if (load.stopped) return Outcome.STOPPED;
            if (read.error() == null && load.failure == null) {
                try {
                    load.flushBatch(); // the last, partial batch
                } catch (Stop stop) {
                    return Outcome.STOPPED;
                }
            }
            load.flushRejections();
            String error = load.failure != null ? load.failure : read.error();
            if (error == null && load.imported == 0) error = "No valid record to import";
            if (error != null) return fail(job, read.records(), load.imported, load.rejected, error);
            jobs.finished(job.id(), ImportJob.State.COMPLETED, read.records(), load.imported, load.rejected, null);
            progress.changed(job.id(), ImportJob.State.COMPLETED);
            files.delete(job.id());
            return Outcome.ENDED;
        } catch (RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            return fail(job, 0, 0, 0, "Internal error");
        }
    }

    private void start(ImportJob job, ImportJob.State state) {
        jobs.started(job.id(), state);
        progress.changed(job.id(), state);
    }

    private Outcome fail(ImportJob job, long read, long imported, long rejected, String error) {
        jobs.finished(job.id(), ImportJob.State.FAILED, read, imported, rejected, error);
        progress.changed(job.id(), ImportJob.State.FAILED);
        files.delete(job.id());
        return Outcome.ENDED;
    }

    private static LabelStudioTaskParser.Outcome read(Path file, LabelStudioTaskParser parser, LabelingConfig config, Pass pass) {
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 64 * 1024)) {
            return parser.read(pass.job.format(), reader, config, Long.MAX_VALUE, pass);
        } catch (Stop stop) {
            pass.stopped = true;
            return new LabelStudioTaskParser.Outcome(pass.read, null);
        } catch (IOException e) {
            return new LabelStudioTaskParser.Outcome(pass.read, "The uploaded file could not be read");
        }
    }

    /** Task and annotation ids as a function of the job and the order they are asked for: the same on every pass. */
    static Supplier<UUID> idsOf(String jobId) {
        long[] next = {0};
        return () -> UUID.nameUUIDFromBytes((jobId + "/" + next[0]++).getBytes(StandardCharsets.UTF_8));
    }

    /** One read of the file: counts, keeps the first rejections, and (when importing) sends full batches. */
    private final class Pass implements LabelStudioTaskParser.RecordSink {
        final ImportJob job;
        final ImportId importId; // null: only checking
        final BooleanSupplier keepGoing;
        final Runnable alive;
        final List<NewTask> batch = new ArrayList<>(BATCH);
        final List<Rejection> rejections = new ArrayList<>();
        long read;
        long imported;
        long rejected;
        long rejectionsKept;
        String failure;
        boolean stopped;

        Pass(ImportJob job, ImportId importId, BooleanSupplier keepGoing, Runnable alive) {
            this.job = job;
            this.importId = importId;
            this.keepGoing = keepGoing;
            this.alive = alive;
        }

        @Override
        public void accepted(int index, Integer line, NewTask task) {
            read++;
            if (importId != null && failure == null) {
                batch.add(task);
                if (batch.size() == BATCH) flushBatch();
            } else if (read % BATCH == 0) {
                checkpoint();
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            read++;
            rejected++;
            if (rejectionsKept < ImportJobStore.MAX_REJECTIONS_KEPT) {
                rejectionsKept++;
                rejections.add(rejection);
            }
            if (importId == null && read % BATCH == 0) checkpoint();
        }

        void flushBatch() {
            if (batch.isEmpty()) return;
            String first = batch.getFirst().taskId().value();
            for (int attempt = 1; ; attempt++) {
                if (batches.exists(first)) {
                    imported += batch.size(); // landed before (a worker that died, or a concurrent one)
                    break;
                }
                Commands.Result<Integer> result;
                try {
                    result = commands.<Integer>send(new ImportTasks(new ProjectId(job.projectId()), new OrganizationId(job.organizationId()),
                            importId, batch, new UserId(job.userId())), actor(job), job.clientIp())
                            .block(Duration.ofMinutes(5));
                } catch (RuntimeException e) {
                    // e.g. another import appended to the same project at the same moment: the project's sequence
                    // number refused this batch whole; try again, a few times
                    if (attempt < MAX_ATTEMPTS) {
                        pause(attempt);
                        continue;
                    }
                    throw e;
                }
                if (result != null && result.ok()) imported += result.value();
                else if (batches.exists(first)) imported += batch.size();
                else failure = result == null ? "A batch timed out" : result.error().message();
                break;
            }
            batch.clear();
            checkpoint();
        }

        void checkpoint() {
            flushRejections();
            jobs.progress(job.id(), read, imported, rejected);
            progress.changed(job.id(), importId == null ? ImportJob.State.VALIDATING : ImportJob.State.IMPORTING);
            alive.run();
            if (!keepGoing.getAsBoolean()) throw new Stop();
        }

        void flushRejections() {
            jobs.reject(job.id(), rejections);
            rejections.clear();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A background job acts as the user who uploaded the file; the role plays no part in sending commands. */
    private static Caller actor(ImportJob job) {
        return new Caller(job.userId(), job.organizationId(), null, null, null);
    }

    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }
}
