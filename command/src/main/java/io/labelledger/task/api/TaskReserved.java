package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task is {@code by}'s to annotate until {@code expiresAt}, unless they submit or skip it first. */
@Revision("1")
public record TaskReserved(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId by, Instant expiresAt) {}
