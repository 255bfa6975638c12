package io.labelledger.organization.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record OrganizationId(@JsonValue String value) {
    @JsonCreator
    public OrganizationId {
        Ids.require(value, "organization");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
