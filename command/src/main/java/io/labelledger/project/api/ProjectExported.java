package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;
import io.labelledger.organization.api.OrganizationId;

import java.time.Instant;
import java.util.List;

/**
 * A user exported the project's tasks: in which format, with which filters (only completed tasks, only ground truth,
 * only annotations by some users, as of an instant), how many tasks the export held when it started, and the export job
 * when it was built in the background. Auditors read who exported what, when, from the audit log.
 * Revision 2 added {@code annotationsBy}, {@code asOf} and {@code exportJobId} (revision 1 reads as no filter, no job);
 * revision 3 added {@code onlyGroundTruth} (revision 2 reads as false); revision 4 added {@code rawValues}: CSV/TSV
 * cells written as they were, spreadsheet formulas not neutralized (ADR 0030; revision 3 reads as false); revision 5
 * added {@code selection}: only the tasks selected in the Data Manager (ADR 0038; null, and revision 4 reads as null:
 * the whole project).
 */
@Revision("5")
public record ProjectExported(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                              boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount, String exportJobId, UserId by,
                              boolean rawValues, ExportSelection selection) {
    public ProjectExported {
        annotationsBy = annotationsBy == null ? List.of() : List.copyOf(annotationsBy);
    }

    /** The whole project (no Data Manager selection). */
    public ProjectExported(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                           boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount, String exportJobId, UserId by,
                           boolean rawValues) {
        this(projectId, organizationId, format, onlyCompleted, onlyGroundTruth, annotationsBy, asOf, taskCount, exportJobId, by, rawValues, null);
    }

    /** Formulas neutralized (the default). */
    public ProjectExported(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                           boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount, String exportJobId, UserId by) {
        this(projectId, organizationId, format, onlyCompleted, onlyGroundTruth, annotationsBy, asOf, taskCount, exportJobId, by, false, null);
    }

    /** A synchronous export without user or time filters. */
    public ProjectExported(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                           long taskCount, UserId by) {
        this(projectId, organizationId, format, onlyCompleted, false, List.of(), null, taskCount, null, by, false, null);
    }
}
