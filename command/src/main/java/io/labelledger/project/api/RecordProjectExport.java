package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records that {@code by} is exporting the project's tasks, before the first byte leaves or when the export job is
 * created (the audit trail of exports), with the export's filters, whether CSV/TSV formulas are kept raw, and the
 * Data Manager selection it is limited to (null: the whole project).
 */
public record RecordProjectExport(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String format,
                                  boolean onlyCompleted, boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount,
                                  String exportJobId, UserId by, boolean rawValues,
                                  ExportSelection selection) {
    public RecordProjectExport {
        annotationsBy = annotationsBy == null ? List.of() : List.copyOf(annotationsBy);
    }

    /** The whole project. */
    public RecordProjectExport(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                               boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount, String exportJobId, UserId by,
                               boolean rawValues) {
        this(projectId, organizationId, format, onlyCompleted, onlyGroundTruth, annotationsBy, asOf, taskCount, exportJobId, by, rawValues, null);
    }

    /** Formulas neutralized (the default). */
    public RecordProjectExport(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                               boolean onlyGroundTruth, List<UserId> annotationsBy, Instant asOf, long taskCount, String exportJobId, UserId by) {
        this(projectId, organizationId, format, onlyCompleted, onlyGroundTruth, annotationsBy, asOf, taskCount, exportJobId, by, false, null);
    }

    /** A synchronous export without user or time filters. */
    public RecordProjectExport(ProjectId projectId, OrganizationId organizationId, String format, boolean onlyCompleted,
                               long taskCount, UserId by) {
        this(projectId, organizationId, format, onlyCompleted, false, List.of(), null, taskCount, null, by, false, null);
    }
}
