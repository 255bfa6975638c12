package io.labelledger.task.write;

import io.labelledger.shared.Forbidden;

/** Manual distribution: the task is not assigned to the person asking for it (ADR 0042). */
public class NotAssigned extends Forbidden {
    public NotAssigned() {
        super("taskId", "This task is not assigned to you");
    }
}
