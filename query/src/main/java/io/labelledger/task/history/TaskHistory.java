package io.labelledger.task.history;

import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.ReviewView;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "What did this task look like at time T": folds the task's own events up to T (annotations with their latest review
 * then; an update makes an annotation pending again), straight from the event store,
 * so the answer does not depend on any projection. Blocking: call it off the event loop.
 */
public class TaskHistory {
    private final EventStore events;
    private final ManyTasks many;
    private final JsonMapper json;

    /**
     * The events of many tasks at once, each task's in sequence order (tasks without events are absent). An export
     * "as of" folds every task of a project: one read per page instead of one per task (docs/benchmarks.md).
     */
    public interface ManyTasks {
        Map<String, DomainEventStream> readEvents(Collection<String> taskIds);
    }

    public TaskHistory(EventStore events, ManyTasks many, JsonMapper json) {
        this.events = events;
        this.many = many;
        this.json = json;
    }

    public Optional<TaskSnapshotView> asOf(String organizationId, String taskId, Instant asOf) {
        return fold(organizationId, taskId, events.readEvents(taskId), asOf);
    }

    /** Many tasks as of one instant: task id to its snapshot (absent: no such task of the organization then). */
    public Map<String, TaskSnapshotView> asOf(String organizationId, Collection<String> taskIds, Instant asOf) {
        Map<String, TaskSnapshotView> out = new LinkedHashMap<>();
        many.readEvents(taskIds).forEach((id, stream) -> fold(organizationId, id, stream, asOf).ifPresent(s -> out.put(id, s)));
        return out;
    }

    /** A task's events with the project they belong to. */
    public record Timeline(String projectId, List<TaskEventView> events) {}

    /**
     * The task's events in order, each with its name, time and actor (from the metadata), to step through its
     * history; empty when it is not a task of the organization. Who sees which is {@link TaskEventView#visibleTo}.
     */
    public Optional<Timeline> timeline(String organizationId, String taskId) {
        DomainEventStream stream = events.readEvents(taskId);
        TaskImported imported = null;
        List<TaskEventView> out = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            if (m.getPayload() instanceof TaskImported e) imported = e;
            Object actor = m.getMetaData().get("actorId");
            out.add(new TaskEventView(m.getSequenceNumber(), m.getPayloadType().getSimpleName(), m.getTimestamp(),
                    actor == null ? null : actor.toString()));
        }
        if (imported == null || !imported.organizationId().value().equals(organizationId)) return Optional.empty();
        return Optional.of(new Timeline(imported.projectId().value(), out));
    }

    private Optional<TaskSnapshotView> fold(String organizationId, String taskId, DomainEventStream stream, Instant asOf) {
        TaskImported imported = null;
        Map<String, AnnotationView> annotations = new LinkedHashMap<>();
        int skips = 0;
        List<String> skippedBy = new ArrayList<>();
        int version = 0;
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            if (m.getTimestamp().isAfter(asOf)) break; // a task's events are in time order
            Object p = m.getPayload();
            Instant at = m.getTimestamp();
            switch (p) {
                case TaskImported e -> imported = e;
                case AnnotationSubmitted e -> {
                    annotations.put(e.annotationId().value(), new AnnotationView(
                            e.annotationId().value(), taskId, e.by().value(), json.writeValueAsString(e.result()),
                            e.leadTimeSeconds(), at, at, e.projectId().value(), e.configVersion()));
                    skippedBy.remove(e.by().value()); // an annotation replaces the skip, as in the aggregate and the Data Manager
                }
                case AnnotationImported e -> annotations.put(e.annotationId().value(), new AnnotationView(
                        e.annotationId().value(), taskId, e.authoredBy().value(), json.writeValueAsString(e.result()),
                        e.leadTimeSeconds(), at, at, e.projectId().value(), e.configVersion()));
                case AnnotationUpdated e -> annotations.computeIfPresent(e.annotationId().value(), (k, a) -> new AnnotationView(
                        a.id(), taskId, a.authorId(), json.writeValueAsString(e.result()), e.leadTimeSeconds(), a.createdAt(), at,
                        e.projectId().value(), e.configVersion(), null, a.groundTruth())); // a change awaits a new review
                case AnnotationDeleted e -> annotations.remove(e.annotationId().value()); // and its ground-truth mark
                case AnnotationReviewed e -> annotations.computeIfPresent(e.annotationId().value(), (k, a) -> a.reviewed(
                        new ReviewView(e.decision().name(), e.comment(), e.by().value(), at)));
                // at most one is marked: marking one takes the mark from the others (ADR 0022)
                case GroundTruthChanged e -> annotations.replaceAll((k, a) ->
                        a.withGroundTruth(e.groundTruth() ? k.equals(e.annotationId().value()) : a.groundTruth() && !k.equals(e.annotationId().value())));
                case TaskSkipped e -> {
                    skips++;
                    skippedBy.add(e.by().value());
                }
                default -> { }
            }
            version++;
        }
        if (imported == null || !imported.organizationId().value().equals(organizationId)) return Optional.empty();
        return Optional.of(new TaskSnapshotView(taskId, organizationId, imported.projectId().value(), asOf, imported.number(),
                json.writeValueAsString(imported.data()), new ArrayList<>(annotations.values()), skips, version, skippedBy));
    }
}
