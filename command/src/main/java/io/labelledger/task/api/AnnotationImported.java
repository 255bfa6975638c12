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
 * and the original value is kept outside events, for exports (ADR 0030). No email is ever in this event. Revision 4 added
 * {@code intId}, the annotation's integer id (ADR 0050; null before: the read side numbers it by the global index).
 */
@Revision("4")
public record AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                                 ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion,
                                 UserId author, Long intId) {
    public AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                              ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion,
                              UserId author) {
        this(taskId, projectId, organizationId, annotationId, importId, result, leadTimeSeconds, by, configVersion, author, null);
    }

    /** Authored by the importer. */
    public AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                              ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion) {
        this(taskId, projectId, organizationId, annotationId, importId, result, leadTimeSeconds, by, configVersion, null, null);
    }

    /** Who authored it: the member Label Studio named, else the importer. */
    public UserId authoredBy() { return author != null ? author : by; }
}
