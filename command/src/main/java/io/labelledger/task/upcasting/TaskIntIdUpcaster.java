package io.labelledger.task.upcasting;

import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.TaskImported;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The events that create tasks, annotations and predictions before they had integer ids (ADR 0050): TaskImported
 * revision 1 → 2 (the task's and each prediction's {@code intId} null), AnnotationSubmitted 2 → 3 and
 * AnnotationImported 3 → 4 ({@code intId} null). Runs after {@link AnnotationConfigVersionUpcaster} and
 * {@link AnnotationImportedAuthorUpcaster}, so every older revision reaches the newest. No number is invented here:
 * the read side numbers such a task or annotation by the global index of its event; such predictions have none.
 */
public class TaskIntIdUpcaster extends SingleEventUpcaster {
    /** Type → the revision without integer ids. */
    private static final Map<String, String> FROM = Map.of(
            TaskImported.class.getName(), "1",
            AnnotationSubmitted.class.getName(), "2",
            AnnotationImported.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String from = FROM.get(representation.getType().getName());
        return from != null && from.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        String to = Integer.toString(Integer.parseInt(FROM.get(type)) + 1);
        return representation.upcastPayload(new SimpleSerializedType(type, to), ObjectNode.class, payload -> {
            if (!payload.has("intId")) payload.putNull("intId");
            JsonNode predictions = payload.get("predictions");
            if (predictions != null && predictions.isArray()) {
                for (JsonNode p : predictions) {
                    if (p instanceof ObjectNode o && !o.has("intId")) o.putNull("intId");
                }
            }
            return payload;
        });
    }
}
