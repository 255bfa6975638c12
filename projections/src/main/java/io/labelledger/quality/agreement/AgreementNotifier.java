package io.labelledger.quality.agreement;

/** Tells live viewers that a project's agreement figures changed; called after the projection's transaction commits. */
public interface AgreementNotifier {
    String CHANNEL_PREFIX = "ll:quality:";

    void changed(String projectId, String taskId);

    AgreementNotifier NONE = (projectId, taskId) -> { };
}
