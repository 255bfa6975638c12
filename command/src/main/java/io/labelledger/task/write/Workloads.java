package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectId;

import java.time.Instant;

/**
 * How much one person has taken on in a project, for the annotation limit: their live annotations plus the tasks
 * reserved for them at {@code at}, on other tasks than {@code except}. Read from the Data Manager, which may lag a
 * moment: the limit may be passed by what one person does in parallel within that moment (ADR 0036).
 */
@FunctionalInterface
public interface Workloads {
    long takenOn(ProjectId projectId, UserId userId, io.labelledger.task.api.TaskId except, Instant at);
}
