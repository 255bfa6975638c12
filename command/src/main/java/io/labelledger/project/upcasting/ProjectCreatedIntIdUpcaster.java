package io.labelledger.project.upcasting;

import io.labelledger.project.api.ProjectCreated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of ProjectCreated had no integer id: it reads as revision 2 with {@code intId: null}. An upcaster sees
 * one event and no sequence, so it does not invent one; the read side numbers such a project by the global index of
 * this event, which is stable across replays and below every number the sequence hands out (ADR 0050).
 */
public class ProjectCreatedIntIdUpcaster extends SingleEventUpcaster {
    private static final String TYPE = ProjectCreated.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), ObjectNode.class, payload -> {
            if (!payload.has("intId")) payload.putNull("intId");
            return payload;
        });
    }
}
