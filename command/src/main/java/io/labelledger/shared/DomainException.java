package io.labelledger.shared;

import java.util.List;

/**
 * A refusal the caller can act on. The API maps {@link #code()} to its error codes; tests assert on types and codes,
 * never on message text.
 */
public abstract class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<String> field;

    protected DomainException(ErrorCode code, List<String> field, String message) {
        super(message, null, false, false); // no stack trace: these are answers, not crashes
        this.code = code;
        this.field = field == null ? List.of() : List.copyOf(field);
    }

    public ErrorCode code() { return code; }

    public List<String> field() { return field; }
}
