package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** The person is paused in the task's project (issue 11): no tasks are handed to them and their submits are refused. */
public class AnnotatorPausedHere extends DomainException {
    /** {@code reason}: the one the Manager or policy gave, shown to the person. */
    public AnnotatorPausedHere(String reason) {
        super(ErrorCode.PAUSED, List.of("projectId"), "Reason: " + reason);
    }
}
