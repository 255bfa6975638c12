package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** {@code assignee} is to annotate (or review) the task, by {@code by}'s manual assignment. */
@Revision("1")
public record TaskAssigned(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId assignee, AssignmentKind kind,
                           UserId by) {}
