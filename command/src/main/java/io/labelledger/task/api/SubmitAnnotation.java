package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.shared.NeedsIntIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

import java.util.PrimitiveIterator;

/** {@code intId}: the annotation's integer id (ADR 0050), filled at dispatch. */
public record SubmitAnnotation(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, AnnotationId annotationId, JsonNode result,
                               Double leadTimeSeconds, UserId by, Long intId) implements NeedsIntIds {
    public SubmitAnnotation(TaskId taskId, OrganizationId organizationId, AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, UserId by) {
        this(taskId, organizationId, annotationId, result, leadTimeSeconds, by, null);
    }

    @Override
    public int intIdsNeeded() { return intId == null ? 1 : 0; }

    @Override
    public SubmitAnnotation withIntIds(PrimitiveIterator.OfLong ids) {
        return intId != null ? this : new SubmitAnnotation(taskId, organizationId, annotationId, result, leadTimeSeconds, by, ids.nextLong());
    }
}
