package io.labelledger.organization.api;

import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectRole;

/** A project whose membership a group grants its members, with the project role they get there (docs/adr/0023). */
public record ProjectGrant(ProjectId projectId, ProjectRole role) {}
