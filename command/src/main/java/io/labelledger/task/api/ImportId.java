package io.labelledger.task.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record ImportId(@JsonValue String value) {
    @JsonCreator
    public ImportId {
        Ids.require(value, "import");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
