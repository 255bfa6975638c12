package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

public record DeleteAnnotation(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, AnnotationId annotationId, UserId by) {}
