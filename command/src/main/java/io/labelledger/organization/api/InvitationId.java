package io.labelledger.organization.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record InvitationId(@JsonValue String value) {
    @JsonCreator
    public InvitationId {
        Ids.require(value, "invitation");
    }

    @Override
    public String toString() { return value; }
}
