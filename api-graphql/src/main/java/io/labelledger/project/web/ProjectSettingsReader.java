package io.labelledger.project.web;

import io.labelledger.api.Json;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.SettingsView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A project's settings as the Data Manager recorded them (rm_project.settings, JSON of ProjectSettings). */
@Component
public class ProjectSettingsReader {
    private final ProjectQueries projects;
    private final Json json;

    public ProjectSettingsReader(ProjectQueries projects, Json json) {
        this.projects = projects;
        this.json = json;
    }

    /** Defaults when never changed; empty when the organization has no such project. */
    public Mono<ProjectSettings> settingsOf(String organizationId, String projectId) {
        return projects.settings(organizationId, projectId).map(this::parse);
    }

    private ProjectSettings parse(SettingsView view) {
        return view.settingsJson() == null ? ProjectSettings.DEFAULTS : json.mapper().readValue(view.settingsJson(), ProjectSettings.class);
    }
}
