package io.labelledger.shared;

import java.util.List;

public class ValidationFailed extends DomainException {
    public ValidationFailed(String field, String message) {
        super(ErrorCode.VALIDATION, List.of(field), message);
    }
}
