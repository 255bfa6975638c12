package io.labelledger.task.history;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One event of a task's stream, for stepping through its history in the UI: its sequence number, its name, when it
 * happened and who did it (the actor of the event's metadata; null for system events).
 */
public record TaskEventView(long sequence, String type, Instant occurredAt, String actorId) {

    /** Drafts are their author's own work in progress: nobody else learns of them, not even that they exist. */
    static final Set<String> PRIVATE = Set.of("DraftSaved", "DraftDiscarded");

    /**
     * What a person may see of a task's events: everything but others' drafts when they see every annotation
     * (reviewers, Managers and above); otherwise (blind labeling) the task's import and their own events only.
     */
    public static List<TaskEventView> visibleTo(String userId, boolean everyAnnotation, List<TaskEventView> events) {
        return events.stream()
                     .filter(e -> userId.equals(e.actorId())
                             || (everyAnnotation ? !PRIVATE.contains(e.type()) : "TaskImported".equals(e.type())))
                     .toList();
    }
}
