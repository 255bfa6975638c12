package io.labelledger.task.upcasting;

import io.labelledger.task.api.TaskSkipped;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/** Revision 1 of TaskSkipped had no comment: it becomes revision 2 with {@code comment: null} (ADR 0036). */
public class TaskSkippedCommentUpcaster extends SingleEventUpcaster {
    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TaskSkipped.class.getName().equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), ObjectNode.class,
                payload -> {
                    if (!payload.has("comment")) payload.putNull("comment");
                    return payload;
                });
    }
}
