package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/**
 * An identity source states the whole group (SCIM PUT, and PATCH once its operations are applied). Only the
 * differences are recorded. {@code expectedVersion} (the group's last event sequence, its SCIM meta.version) makes
 * a stale write fail instead of overwriting; null skips the check.
 */
public record ReplaceGroup(@TargetAggregateIdentifier GroupId groupId, @TargetAggregateVersion Long expectedVersion,
                           OrganizationId organizationId, String displayName, String externalId, OrganizationRole role,
                           Set<UserId> members, IdentitySource source) {}
