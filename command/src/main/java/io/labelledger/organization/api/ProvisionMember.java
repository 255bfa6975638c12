package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An identity source states what a person should be in the organization: a member with {@code role}, active or
 * not. Joins, role changes, deactivation and reactivation from SAML, SCIM and LDAP all go through here, so the
 * organization's invariants (last active Owner, Owner granted only by an Owner) hold for them too. Idempotent:
 * when the member already is what the source says, nothing is recorded.
 * <p>{@code by}: the person the source acts for. SCIM names its token's creator, whose current rights apply (an
 * Admin's token cannot touch an Owner); null only for a sign-in through the organization's IdP or directory, where
 * the person provisions themselves (docs/adr/0026).
 */
public record ProvisionMember(@TargetAggregateIdentifier OrganizationId organizationId, UserId userId,
                              OrganizationRole role, boolean active, IdentitySource source, UserId by) {
    /** A sign-in's own provisioning (SAML, LDAP): nobody else acts. */
    public ProvisionMember(OrganizationId organizationId, UserId userId, OrganizationRole role, boolean active, IdentitySource source) {
        this(organizationId, userId, role, active, source, null);
    }
}
