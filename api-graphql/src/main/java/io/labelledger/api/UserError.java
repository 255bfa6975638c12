package io.labelledger.api;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** The GraphQL/REST shape of a user error: a stable code, the input field path and a message for people. */
public record UserError(ErrorCode code, List<String> field, String message) {
    public static UserError of(DomainException e) {
        return new UserError(e.code(), e.field(), e.getMessage());
    }

    /** An identity service's refusal, as the API answers it. */
    public static UserError of(io.labelledger.identity.account.Refusal r) {
        return new UserError(r.code(), r.field(), r.message());
    }

    public static UserError of(ErrorCode code, String field, String message) {
        return new UserError(code, field == null ? List.of() : List.of(field), message);
    }
}
