package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces sections of the project's settings; a null section stays as it is. Answers the notices of the change
 * (e.g. that a lower overlap applies to new hand-outs only), as {@link SettingsNotice}s.
 */
public record UpdateProjectSettings(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId,
                                    ProjectSettings.General general, ProjectSettings.Distribution distribution,
                                    ProjectSettings.Skipping skipping, ProjectSettings.Annotating annotating,
                                    ProjectSettings.Review review, UserId by) {}
