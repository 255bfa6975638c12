package io.labelledger.shared;

import java.util.List;

/** The caller is known and the object is visible to them, but their role does not allow this. */
public class Forbidden extends DomainException {
    public Forbidden(String field, String message) {
        super(ErrorCode.FORBIDDEN, field == null ? List.of() : List.of(field), message);
    }
}
