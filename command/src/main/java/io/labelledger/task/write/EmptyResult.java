package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** An annotation whose result is {@code []} in a project that does not allow empty annotations (issue 9). */
public class EmptyResult extends DomainException {
    public EmptyResult() {
        super(ErrorCode.EMPTY_RESULT, List.of("result"), "Label something before submitting: this project does not accept empty annotations");
    }
}
