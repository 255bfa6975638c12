package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectSettingsChanged;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of ProjectSettingsChanged had no "reviewers see the Data Manager" in its review section: it becomes
 * revision 2 with {@code true}, what reviewers could do before the setting existed (ADR 0042).
 */
public class ProjectSettingsChangedReviewersUpcaster extends SingleEventUpcaster {
    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision())
               && ProjectSettingsChanged.class.getName().equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), ObjectNode.class,
                payload -> {
                    JsonNode settings = payload.get("settings");
                    if (settings != null && settings.get("review") instanceof ObjectNode review && !review.has("reviewersSeeDataManager")) {
                        review.put("reviewersSeeDataManager", true);
                    }
                    return payload;
                });
    }
}
