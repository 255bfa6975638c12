package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectExported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/** Revision 1 of ProjectExported had no user or time filter and no job: it reads as revision 2 without them. */
public class ProjectExportedFiltersUpcaster extends SingleEventUpcaster {
    private static final String TYPE = ProjectExported.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), ObjectNode.class, payload -> {
            if (!payload.has("annotationsBy")) payload.putArray("annotationsBy");
            if (!payload.has("asOf")) payload.putNull("asOf");
            if (!payload.has("exportJobId")) payload.putNull("exportJobId");
            return payload;
        });
    }
}
