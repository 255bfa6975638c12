package io.labelledger.task.comments;

/** Tells a person's live sessions that a notification was added (after the projection's commit; never on replay). */
public interface NotificationNotifier {
    String CHANNEL_PREFIX = "ll:notification:";

    void added(String recipientId, String notificationId);
}
