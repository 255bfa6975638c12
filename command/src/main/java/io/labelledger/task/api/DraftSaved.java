package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/** {@code by}'s work in progress on the task, replacing their earlier draft (ADR 0032). */
@Revision("1")
public record DraftSaved(TaskId taskId, ProjectId projectId, OrganizationId organizationId, JsonNode result,
                         Double leadTimeSeconds, UserId by) {}
