package io.labelledger.task.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record AnnotationId(@JsonValue String value) {
    @JsonCreator
    public AnnotationId {
        Ids.require(value, "annotation");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
