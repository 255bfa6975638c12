package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.task.api.ImportId;
import org.axonframework.serialization.Revision;

/** A batch of tasks was imported; they are numbered firstNumber .. firstNumber + count - 1. */
@Revision("1")
public record TasksImported(ProjectId projectId, OrganizationId organizationId, ImportId importId, long firstNumber, int count, UserId by) {}
