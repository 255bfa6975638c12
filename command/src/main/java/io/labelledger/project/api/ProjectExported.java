package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;
import io.labelledger.organization.api.OrganizationId;

/**
 * A user exported the project's tasks: in which format, whether only completed tasks, and how many tasks the export
 * held when it started. Auditors read who exported what, when, from the audit log.
 */
@Revision("1")
public record ProjectExported(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                              long taskCount, UserId by) {}
