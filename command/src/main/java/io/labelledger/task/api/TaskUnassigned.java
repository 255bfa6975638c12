package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** {@code assignee} is no longer assigned the task (for annotation or review); what they did on it stays. */
@Revision("1")
public record TaskUnassigned(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId assignee, AssignmentKind kind,
                             UserId by) {}
