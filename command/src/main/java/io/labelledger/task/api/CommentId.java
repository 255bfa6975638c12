package io.labelledger.task.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.labelledger.shared.Ids;

public record CommentId(@JsonValue String value) {
    @JsonCreator
    public CommentId {
        Ids.require(value, "comment");
    }

    @Override
    public String toString() { return value; }
}
