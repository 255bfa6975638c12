package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AnnotatorPaused(ProjectId projectId, OrganizationId organizationId, UserId userId, String reason, PauseSource source,
                              UserId by) {}
