package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class AlreadyReserved extends DomainException {
    public AlreadyReserved() {
        super(ErrorCode.ALREADY_RESERVED, List.of("taskId"), "This task is already reserved for you");
    }
}
