package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectExported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 2 of ProjectExported had no ground-truth filter: it reads as revision 3 with {@code onlyGroundTruth}
 * false (ADR 0022). Revision 1 reaches it through {@link ProjectExportedFiltersUpcaster} first.
 */
public class ProjectExportedGroundTruthUpcaster extends SingleEventUpcaster {
    private static final String TYPE = ProjectExported.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "2".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "3"), ObjectNode.class, payload -> {
            if (!payload.has("onlyGroundTruth")) payload.put("onlyGroundTruth", false);
            return payload;
        });
    }
}
