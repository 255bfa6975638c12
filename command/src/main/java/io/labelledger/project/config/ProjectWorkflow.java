package io.labelledger.project.config;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectSettings;

import java.util.Map;

/** Settings (defaults before the first change), paused people with the reason shown to them, and the task count. */
public record ProjectWorkflow(ProjectSettings settings, Map<UserId, String> paused, long taskCount) {
    public static final ProjectWorkflow DEFAULT = new ProjectWorkflow(ProjectSettings.DEFAULTS, Map.of(), 0);

    public ProjectWorkflow {
        paused = Map.copyOf(paused);
    }
}
