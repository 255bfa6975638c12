package io.labelledger.task.upcasting;

import io.labelledger.task.api.AnnotationImported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 2 of AnnotationImported did not name an author besides the importer: it becomes revision 3 with
 * {@code author: null} (the importer is the author, as it was). Runs after {@link AnnotationConfigVersionUpcaster}
 * (revision 1 → 2) in one chain.
 */
public class AnnotationImportedAuthorUpcaster extends SingleEventUpcaster {
    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "2".equals(representation.getType().getRevision()) && AnnotationImported.class.getName().equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "3"), ObjectNode.class,
                payload -> {
                    if (!payload.has("author")) payload.putNull("author");
                    return payload;
                });
    }
}
