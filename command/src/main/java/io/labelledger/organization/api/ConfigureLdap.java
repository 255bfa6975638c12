package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that LDAP sign-in was configured for the organization. The settings themselves (service account and its
 * password, group mappings) are configuration kept outside the event store; the event says who turned directory
 * sign-in on or off for which email domain and which directory address, which is what auditors ask.
 */
public record ConfigureLdap(@TargetAggregateIdentifier OrganizationId organizationId, boolean enabled, String emailDomain, String url, UserId by) {}
