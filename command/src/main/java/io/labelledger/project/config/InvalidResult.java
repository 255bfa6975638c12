package io.labelledger.project.config;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** An annotation or prediction result does not fit the project's labeling config; nothing was stored. */
public class InvalidResult extends DomainException {
    public InvalidResult(List<String> field, String message) {
        super(ErrorCode.INVALID_RESULT, field, message);
    }
}
