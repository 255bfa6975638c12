package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** {@code by} ran a bulk action over {@code selected} tasks of the project (background job {@code jobId}); {@code changed} changed. */
@Revision("1")
public record BulkTaskActionRecorded(ProjectId projectId, OrganizationId organizationId, String jobId, BulkTaskAction action,
                                     long selected, long changed, UserId by) {}
