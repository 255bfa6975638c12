package io.labelledger.identity.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record UserId(@JsonValue String value) {
    @JsonCreator
    public UserId {
        Ids.require(value, "user");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
