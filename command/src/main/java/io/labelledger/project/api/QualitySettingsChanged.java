package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The project's agreement settings from now on (all of them, not a diff), numbered 1, 2, 3... (ADR 0049). */
@Revision("1")
public record QualitySettingsChanged(ProjectId projectId, OrganizationId organizationId, QualitySettings settings, int settingsVersion,
                                     UserId by) {}
