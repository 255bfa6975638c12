package io.labelledger.project.config;

import io.labelledger.project.api.ProjectId;

/**
 * A project's workflow as the write side needs it to guard the label stream: settings, paused people and task count,
 * read from the project's own events (not a projection, which may lag).
 */
@FunctionalInterface
public interface ProjectWorkflows {
    /** @throws io.labelledger.shared.NotFound when the project does not exist */
    ProjectWorkflow workflow(ProjectId projectId);
}
