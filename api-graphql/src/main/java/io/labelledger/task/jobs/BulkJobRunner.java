package io.labelledger.task.jobs;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.BulkTaskAction;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordBulkTaskAction;
import io.labelledger.shared.ErrorCode;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AssignTask;
import io.labelledger.task.api.DeleteTask;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.UnassignTask;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskQueries.SelectedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Runs one bulk action (issue 11, ADR 0042) over its selection, a page of tasks at a time, as the person who asked:
 * one command per task (and per person for assignments), each idempotent — assigning the assigned, deleting the deleted
 * change nothing, and a bulk label's annotation id is derived from the job and the task, so a job taken over after a
 * crash runs again from its first page without doing anything twice. A refusal of one task (e.g. the person already
 * annotated it, or is paused) counts it as refused and the job goes on. At the end the project records one
 * BulkTaskActionRecorded with the counts: the audit entry beside the per-task events.
 */
public class BulkJobRunner implements JobRunner {
    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);
    static final int PAGE = 200;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);

    private final BulkJobStore jobs;
    private final TaskQueries tasks;
    private final Commands commands;
    private final JsonMapper json;
    private final ImportJobProgress progress;

    /** {@code progress}: announces every change of a job's row to its subscribers (the bulkTaskJob subscription, ADR 0048). */
    public BulkJobRunner(BulkJobStore jobs, TaskQueries tasks, Commands commands, JsonMapper json, ImportJobProgress progress) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.commands = commands;
        this.json = json;
        this.progress = progress;
    }

    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }

    /** The annotation id of a bulk label on a task: the same on every run of the job. */
    static String annotationId(String jobId, String taskId) {
        return UUID.nameUUIDFromBytes(("bulk-label:" + jobId + ":" + taskId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public ImportJobRunner.Outcome run(String jobId, BooleanSupplier keepGoing, Runnable alive) {
        BulkJob job = jobs.get(jobId).orElse(null);
        if (job == null || job.state().terminal()) return ImportJobRunner.Outcome.ENDED;
        try {
            BulkSelection selection = json.readValue(job.selectionJson(), BulkSelection.class);
            BulkParameters parameters = json.readValue(job.parametersJson(), BulkParameters.class);
            Counts counts = new Counts();
            if (selection.tickedOnly()) {
                List<SelectedTask> all = tasks.selectedIds(job.organizationId(), job.projectId(), selection.taskIds())
                                              .collectList().block(COMMAND_TIMEOUT);
                jobs.started(jobId, all.size());
                progress.changed(jobId, BulkJob.State.RUNNING.name());
                for (int from = 0; from < all.size(); from += PAGE) {
                    page(job, parameters, all.subList(from, Math.min(all.size(), from + PAGE)), counts, keepGoing, alive);
                }
            } else {
                Long total = tasks.selectionCount(job.organizationId(), job.projectId(), selection.reviewState(), selection.groundTruth(),
                        selection.filter(), job.userId(), selection.excludedIds(), job.maxNumber()).block(COMMAND_TIMEOUT);
                jobs.started(jobId, total == null ? 0 : total);
                progress.changed(jobId, BulkJob.State.RUNNING.name());
                long after = 0;
                while (true) {
                    List<SelectedTask> page = tasks.selection(job.organizationId(), job.projectId(), selection.reviewState(),
                            selection.groundTruth(), selection.filter(), job.userId(), selection.excludedIds(), after, job.maxNumber(), PAGE)
                                                   .collectList().block(COMMAND_TIMEOUT);
                    if (page == null || page.isEmpty()) break;
                    page(job, parameters, page, counts, keepGoing, alive);
                    after = page.getLast().number();
                }
            }
            var recorded = commands.send(new RecordBulkTaskAction(new ProjectId(job.projectId()), new OrganizationId(job.organizationId()),
                    jobId, job.action(), counts.processed, counts.changed, new UserId(job.userId())), actor(job), null).block(COMMAND_TIMEOUT);
            if (recorded != null && !recorded.ok()) {
                jobs.failed(jobId, recorded.error().message()); // e.g. the project was deleted meanwhile
                progress.changed(jobId, BulkJob.State.FAILED.name());
                return ImportJobRunner.Outcome.ENDED;
            }
            jobs.completed(jobId, counts.processed, counts.changed, counts.refused);
            progress.changed(jobId, BulkJob.State.COMPLETED.name());
            return ImportJobRunner.Outcome.ENDED;
        } catch (Stop e) {
            return ImportJobRunner.Outcome.STOPPED;
        } catch (RuntimeException e) {
            log.warn("Bulk job {} failed", jobId, e);
            jobs.failed(jobId, "The bulk action stopped on an internal error");
            progress.changed(jobId, BulkJob.State.FAILED.name());
            return ImportJobRunner.Outcome.ENDED;
        }
    }

    private static final class Counts {
        long processed;
        long changed;
        long refused;
    }

    private void page(BulkJob job, BulkParameters parameters, List<SelectedTask> page, Counts counts, BooleanSupplier keepGoing,
                      Runnable alive) {
        for (SelectedTask task : page) {
            boolean changed = false;
            boolean refused = false;
            for (Object command : commandsFor(job, parameters, task.id())) {
                Commands.Result<Object> r = commands.send(command, actor(job), null).block(COMMAND_TIMEOUT);
                if (r == null) throw new IllegalStateException("A command timed out");
                if (r.ok()) changed |= !Boolean.FALSE.equals(r.value());
                else if (!alreadySo(job.action(), r.error())) refused = true;
            }
            counts.processed++;
            if (changed) counts.changed++;
            else if (refused) counts.refused++;
        }
        jobs.progress(job.id(), counts.processed, counts.changed, counts.refused);
        progress.changed(job.id(), BulkJob.State.RUNNING.name());
        alive.run();
        if (!keepGoing.getAsBoolean()) throw new Stop();
    }

    private List<Object> commandsFor(BulkJob job, BulkParameters p, String taskId) {
        TaskId task = new TaskId(taskId);
        OrganizationId org = new OrganizationId(job.organizationId());
        UserId by = new UserId(job.userId());
        List<Object> out = new ArrayList<>();
        switch (job.action()) {
            case ASSIGN -> p.userIds().forEach(u -> out.add(new AssignTask(task, org, new UserId(u), p.kind(), by)));
            case UNASSIGN -> p.userIds().forEach(u -> out.add(new UnassignTask(task, org, new UserId(u), p.kind(), by)));
            case DELETE -> out.add(new DeleteTask(task, org, by));
            case LABEL -> out.add(new SubmitAnnotation(task, org, new AnnotationId(annotationId(job.id(), taskId)), p.result(), null, by));
        }
        return out;
    }

    /** A refusal that means the task is as the action wants it already: a run again, or the person labeled it before. */
    private static boolean alreadySo(BulkTaskAction action, UserError error) {
        return switch (action) {
            case LABEL -> error.code() == ErrorCode.ALREADY_ANNOTATED;
            case DELETE -> error.code() == ErrorCode.NOT_FOUND;
            default -> false;
        };
    }

    /** A background job acts as the person who started it; the role plays no part in sending commands. */
    private static Caller actor(BulkJob job) {
        return new Caller(job.userId(), job.organizationId(), null, null, null);
    }
}
