package io.labelledger.task.history;

import io.labelledger.task.read.AnnotationView;

import java.time.Instant;
import java.util.List;

/** A task as it was at {@code asOf}: data as imported, live annotations then, skips, events applied. */
public record TaskSnapshotView(String id, String organizationId, Instant asOf, long number, String data,
                               List<AnnotationView> annotations, int skipCount, int version) {}
