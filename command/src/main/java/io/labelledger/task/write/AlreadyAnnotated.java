package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class AlreadyAnnotated extends DomainException {
    public AlreadyAnnotated() {
        super(ErrorCode.ALREADY_ANNOTATED, List.of("taskId"), "You have already annotated this task; update your annotation instead");
    }
}
