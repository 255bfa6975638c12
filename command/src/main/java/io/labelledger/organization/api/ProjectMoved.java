package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** The project left workspace {@code from} (null: none) for {@code to} (null: none). */
@Revision("1")
public record ProjectMoved(OrganizationId organizationId, ProjectId projectId, WorkspaceId from, WorkspaceId to, UserId by) {}
