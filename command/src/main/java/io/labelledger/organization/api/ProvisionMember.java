package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An identity source states what a person should be in the organization: a member with {@code role}, active or
 * not. Joins, role changes, deactivation and reactivation from SAML, SCIM and LDAP all go through here, so the
 * organization's invariants (last active Owner, Owner granted only by an Owner) hold for them too. Idempotent:
 * when the member already is what the source says, nothing is recorded.
 */
public record ProvisionMember(@TargetAggregateIdentifier OrganizationId organizationId, UserId userId,
                              OrganizationRole role, boolean active, IdentitySource source) {}
