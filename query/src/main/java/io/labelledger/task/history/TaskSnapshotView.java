package io.labelledger.task.history;

import io.labelledger.task.read.AnnotationView;

import java.time.Instant;
import java.util.List;

/**
 * A task as it was at {@code asOf}: data as imported, live annotations then, skips (and by whom, in skip order; a
 * skip is dropped when its user annotates afterwards, as in the Data Manager), events applied.
 */
public record TaskSnapshotView(String id, String organizationId, String projectId, Instant asOf, long number, String data,
                               List<AnnotationView> annotations, int skipCount, int version, List<String> skippedBy) {
    public TaskSnapshotView {
        skippedBy = skippedBy == null ? List.of() : List.copyOf(skippedBy);
    }

    /** The same snapshot showing only these annotations (blind labeling). */
    public TaskSnapshotView withAnnotations(List<AnnotationView> shown) {
        return new TaskSnapshotView(id, organizationId, projectId, asOf, number, data, shown, skipCount, version, skippedBy);
    }
}
