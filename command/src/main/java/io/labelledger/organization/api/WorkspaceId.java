package io.labelledger.organization.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record WorkspaceId(@JsonValue String value) {
    @JsonCreator
    public WorkspaceId {
        Ids.require(value, "workspace");
    }

    @Override
    public String toString() { return value; }
}
