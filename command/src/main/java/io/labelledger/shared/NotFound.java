package io.labelledger.shared;

import java.util.List;

/** The object does not exist for this caller. Objects of another organization are reported the same way. */
public class NotFound extends DomainException {
    public NotFound(String what, String field) {
        super(ErrorCode.NOT_FOUND, List.of(field), what + " not found");
    }
}
