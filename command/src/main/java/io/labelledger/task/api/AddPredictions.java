package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.shared.NeedsIntIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.PrimitiveIterator;

/**
 * Adds a model's predictions (pre-annotations) to a task after its import (Label Studio's {@code POST /api/predictions},
 * ADR 0050); each gets its integer id at dispatch.
 */
public record AddPredictions(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, List<Prediction> predictions, UserId by)
        implements NeedsIntIds {
    public AddPredictions {
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
    }

    @Override
    public int intIdsNeeded() { return (int) predictions.stream().filter(p -> p.intId() == null).count(); }

    @Override
    public AddPredictions withIntIds(PrimitiveIterator.OfLong ids) {
        return new AddPredictions(taskId, organizationId,
                predictions.stream().map(p -> p.intId() != null ? p : p.withIntId(ids.nextLong())).toList(), by);
    }
}
