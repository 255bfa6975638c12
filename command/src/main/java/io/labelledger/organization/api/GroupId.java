package io.labelledger.organization.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

/** A group of an organization's members, provisioned by an identity source (SCIM). */
public record GroupId(@JsonValue String value) {
    @JsonCreator
    public GroupId {
        Ids.require(value, "group");
    }

    @Override
    public String toString() { return value; } // Axon uses toString() as the aggregate identifier
}
