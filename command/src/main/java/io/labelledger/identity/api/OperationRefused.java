package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * The authorization policy refused an operation (a GraphQL field, a REST endpoint or an operation on a socket): who
 * tried what, on which object, from where. Not an aggregate's event: published on the event bus for the audit log.
 * At most one per (person, operation) per minute is recorded, so a script cannot flood the store; {@code operation}
 * is the row of rules.csv that decided ({@code Mutation.createExport}, {@code GET /api/projects/{id}/export}).
 */
@Revision("1")
public record OperationRefused(OrganizationId organizationId, UserId by, String operation, String targetId, String clientIp) {}
