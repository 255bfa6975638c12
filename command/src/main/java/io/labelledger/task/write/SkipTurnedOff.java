package io.labelledger.task.write;

import io.labelledger.shared.Forbidden;

/** The project does not show Skip (Annotating settings): nobody skips its tasks (ADR 0042). */
public class SkipTurnedOff extends Forbidden {
    public SkipTurnedOff() {
        super("taskId", "This project does not allow skipping tasks");
    }
}
