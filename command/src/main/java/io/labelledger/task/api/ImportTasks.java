package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;

import java.util.List;

/**
 * Imports a batch of already-parsed tasks into a project, all or nothing: the whole batch is appended in one
 * transaction. Callers split large imports into batches.
 */
public record ImportTasks(ProjectId projectId, OrganizationId organizationId, ImportId importId, List<NewTask> tasks, UserId by) {
    public ImportTasks {
        tasks = List.copyOf(tasks);
    }
}
