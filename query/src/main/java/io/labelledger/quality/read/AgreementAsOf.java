package io.labelledger.quality.read;

import io.labelledger.project.api.QualitySettingsChanged;
import io.labelledger.quality.metrics.AgreementSettings;
import io.labelledger.quality.metrics.TaskAgreement;
import io.labelledger.quality.read.QualityViews.TaskAgreementView;
import io.labelledger.task.history.TaskHistory;
import io.labelledger.task.history.TaskSnapshotView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task's agreement as it was at an instant, recomputed from the events (issue 13: reproducible figures): the task
 * folded by {@link TaskHistory} (its live annotations and ground truth then) scored by the same pure metrics the live
 * projection uses, with the project's agreement settings of that instant. Predictions come with the task's import
 * and never change, so the stored ones hold for any instant.
 * Blocking (it reads the event store): call it off the event loop.
 */
public class AgreementAsOf {
    private final TaskHistory history;
    private final EventStore events;
    private final JsonMapper json;

    public AgreementAsOf(TaskHistory history, EventStore events, JsonMapper json) {
        this.history = history;
        this.events = events;
        this.json = json;
    }

    /** The figures at {@code at}, or empty when the task did not exist then (or is of another organization). */
    public Optional<TaskAgreementView> at(String organizationId, String taskId, Instant at, List<String> predictionResults) {
        Optional<TaskSnapshotView> snapshot = history.asOf(organizationId, taskId, at);
        return snapshot.map(s -> {
            List<TaskAgreement.Annotation> annotations = s.annotations().stream()
                    .map(a -> new TaskAgreement.Annotation(a.id(), a.authorId(), json.readTree(a.result()), a.groundTruth()))
                    .toList();
            List<TaskAgreement.Prediction> predictions = predictionResults.stream()
                    .map(p -> new TaskAgreement.Prediction(null, json.readTree(p))).toList();
            TaskAgreement.Scores scores = TaskAgreement.of(annotations, predictions, settingsAt(s.projectId(), at));
            Double truth = scores.groundTruth().isEmpty() ? null
                    : scores.groundTruth().stream().mapToDouble(TaskAgreement.AgainstGroundTruth::score).average().orElseThrow();
            return new TaskAgreementView(s.id(), s.number(), annotations.size(), scores.agreement(), scores.modelAgreement(), truth);
        });
    }

    /** The project's agreement settings at {@code at}: its last QualitySettingsChanged by then (ADR 0049), else the defaults. */
    AgreementSettings settingsAt(String projectId, Instant at) {
        AgreementSettings settings = AgreementSettings.DEFAULTS;
        DomainEventStream stream = events.readEvents(projectId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(at)) break;
            if (event.getPayload() instanceof QualitySettingsChanged changed) settings = changed.settings().toAgreementSettings();
        }
        return settings;
    }
}
