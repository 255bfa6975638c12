package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A model's predictions were added to a task after its import, each with its integer id (ADR 0050). */
@Revision("1")
public record PredictionsAdded(TaskId taskId, ProjectId projectId, OrganizationId organizationId, List<Prediction> predictions, UserId by) {}
