package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** One of a task's predictions, named by its integer id, was deleted (ADR 0050). */
@Revision("1")
public record PredictionDeleted(TaskId taskId, ProjectId projectId, OrganizationId organizationId, long predictionId, UserId by) {}
