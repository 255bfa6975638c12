package io.labelledger.project.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record ProjectId(@JsonValue String value) {
    @JsonCreator
    public ProjectId {
        Ids.require(value, "project");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
