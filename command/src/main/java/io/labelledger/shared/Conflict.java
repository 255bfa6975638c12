package io.labelledger.shared;

import java.util.List;

public class Conflict extends DomainException {
    public Conflict(String field, String message) {
        super(ErrorCode.CONFLICT, List.of(field), message);
    }
}
