package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectExported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 3 of ProjectExported did not say whether CSV/TSV formulas were kept raw: before ADR 0030 nothing was
 * neutralized, but no export asked for raw values either, so it reads as revision 4 with {@code rawValues} false.
 * Revisions 1 and 2 reach it through {@link ProjectExportedFiltersUpcaster} and {@link ProjectExportedGroundTruthUpcaster}.
 */
public class ProjectExportedRawValuesUpcaster extends SingleEventUpcaster {
    private static final String TYPE = ProjectExported.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "3".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "4"), ObjectNode.class, payload -> {
            if (!payload.has("rawValues")) payload.put("rawValues", false);
            return payload;
        });
    }
}
