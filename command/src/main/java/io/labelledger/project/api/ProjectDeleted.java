package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * The project is gone for everyone: its read models and export files go, its tasks take no more commands. The event
 * store keeps everything that happened, and this event says who deleted it and what it was called.
 */
@Revision("1")
public record ProjectDeleted(ProjectId projectId, OrganizationId organizationId, String title, long taskCount, UserId by) {}
