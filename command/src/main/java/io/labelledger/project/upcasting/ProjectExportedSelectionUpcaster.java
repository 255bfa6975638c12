package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectExported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 4 of ProjectExported had no Data Manager selection (ADR 0038): every export held the whole project (within its
 * filters), so it reads as revision 5 with {@code selection} null.
 * Older revisions reach it through the earlier upcasters of the chain.
 */
public class ProjectExportedSelectionUpcaster extends SingleEventUpcaster {
    private static final String TYPE = ProjectExported.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "4".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "5"), ObjectNode.class, payload -> {
            if (!payload.has("selection")) payload.putNull("selection");
            return payload;
        });
    }
}
