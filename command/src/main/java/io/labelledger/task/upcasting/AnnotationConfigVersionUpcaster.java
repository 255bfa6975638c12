package io.labelledger.task.upcasting;

import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Revision 1 of AnnotationSubmitted, AnnotationUpdated and AnnotationImported did not record the labeling config
 * version: they become revision 2 with {@code configVersion: null} ("unknown"). Which version was current is not
 * guessed here (an upcaster sees one event); the read side resolves it from the event's time.
 */
public class AnnotationConfigVersionUpcaster extends SingleEventUpcaster {
    private static final Set<String> TYPES = Set.of(AnnotationSubmitted.class.getName(), AnnotationUpdated.class.getName(),
            AnnotationImported.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPES.contains(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), ObjectNode.class,
                payload -> {
                    if (!payload.has("configVersion")) payload.putNull("configVersion");
                    return payload;
                });
    }
}
