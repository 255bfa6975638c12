package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The server may (allowed) or may no longer fetch the URLs in the project's task data. Off until first allowed. */
@Revision("1")
public record MediaProxyChanged(ProjectId projectId, OrganizationId organizationId, boolean allowed, UserId by) {}
