package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Allows or forbids the server to fetch the URLs in the project's task data (the storage proxy, ADR 0019). */
public record ChangeMediaProxy(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, boolean allowed, UserId by) {}
