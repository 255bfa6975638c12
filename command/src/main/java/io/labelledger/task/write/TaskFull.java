package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class TaskFull extends DomainException {
    public TaskFull() {
        super(ErrorCode.TASK_FULL, List.of("taskId"), "This task already has all the annotators it needs");
    }
}
