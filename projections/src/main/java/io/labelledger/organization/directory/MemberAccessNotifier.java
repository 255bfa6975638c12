package io.labelledger.organization.directory;

/**
 * Tells every replica that a member's access changed (deactivated, reactivated, role changed), after the directory's
 * transaction commits: open WebSocket connections of that person are checked again at once (ADR 0027).
 */
public interface MemberAccessNotifier {
    String CHANNEL = "ll:member-access";
    /** organizationId + SEPARATOR + userId (UUIDs never contain it). */
    String SEPARATOR = ":";

    MemberAccessNotifier NONE = (organizationId, userId) -> {};

    void changed(String organizationId, String userId);
}
