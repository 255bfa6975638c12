package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/**
 * An annotation that came inside an imported task (a Label Studio export), imported by {@code by}. Revision 2 added
 * {@code configVersion} (the labeling config version it was validated against; null when upcast from revision 1).
 * Revision 3 added {@code author}: the member of the organization whose email Label Studio's {@code completed_by}
 * named; null when it named nobody of the organization (or before revision 3): then the importer is its author here
 * and the original value is kept outside events, for exports (ADR 0030). No email is ever in this event.
 */
@Revision("3")
public record AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                                 ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion,
                                 UserId author) {
    /** Authored by the importer. */
    public AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                              ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion) {
        this(taskId, projectId, organizationId, annotationId, importId, result, leadTimeSeconds, by, configVersion, null);
    }

    /** Who authored it: the member Label Studio named, else the importer. */
    public UserId authoredBy() { return author != null ? author : by; }
}
