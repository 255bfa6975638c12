package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class LimitReached extends DomainException {
    public LimitReached() {
        super(ErrorCode.LIMIT_REACHED, List.of("projectId"), "You have reached the annotation limit of this project");
    }
}
