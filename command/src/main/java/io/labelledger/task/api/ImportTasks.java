package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.shared.NeedsIntIds;

import java.util.List;
import java.util.PrimitiveIterator;

/**
 * Imports a batch of already-parsed tasks into a project, all or nothing: the whole batch is appended in one
 * transaction. Callers split large imports into batches.
 */
public record ImportTasks(ProjectId projectId, OrganizationId organizationId, ImportId importId, List<NewTask> tasks, UserId by)
        implements NeedsIntIds {
    public ImportTasks {
        tasks = List.copyOf(tasks);
    }

    @Override
    public int intIdsNeeded() { return tasks.stream().mapToInt(NewTask::intIdsNeeded).sum(); }

    @Override
    public ImportTasks withIntIds(PrimitiveIterator.OfLong ids) {
        return new ImportTasks(projectId, organizationId, importId, tasks.stream().map(t -> t.withIntIds(ids)).toList(), by);
    }
}
