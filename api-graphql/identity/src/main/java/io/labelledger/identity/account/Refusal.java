package io.labelledger.identity.account;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** Why an identity service refused: a stable code, the input field path and a sentence for people (the API's user error). */
public record Refusal(ErrorCode code, List<String> field, String message) {
    public static Refusal of(ErrorCode code, String field, String message) {
        return new Refusal(code, field == null ? List.of() : List.of(field), message);
    }

    public static Refusal of(DomainException e) {
        return new Refusal(e.code(), e.field(), e.getMessage());
    }
}
