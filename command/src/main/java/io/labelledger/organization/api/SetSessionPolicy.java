package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * How long browser sessions of the organization's members last: signed out after {@code idleTimeoutMinutes} without a
 * request, and {@code maxSessionHours} after signing in whatever they do. Null: the installation's default.
 */
public record SetSessionPolicy(@TargetAggregateIdentifier OrganizationId organizationId, Integer idleTimeoutMinutes,
                               Integer maxSessionHours, UserId by) {}
