package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The figures of one task from its live annotations and predictions: the mean pairwise agreement of the annotations
 * (undefined below two), each pair's score (for the annotator × annotator matrix), each prediction against each
 * annotation (model agreement) and each other annotation against the ground truth.
 */
public final class TaskAgreement {
    private TaskAgreement() {}

    public record Annotation(String id, String author, JsonNode result, boolean groundTruth) {}

    public record Prediction(String modelVersion, JsonNode result) {}

    /** Two annotations' agreement; {@code a} sorts before {@code b} by annotation id. */
    public record Pair(Annotation a, Annotation b, double score) {}

    /** An annotation compared with the task's ground truth (reference). */
    public record AgainstGroundTruth(Annotation annotation, double score) {}

    /**
     * agreement: mean of the pairs, null with fewer than two annotations; modelAgreement: mean over predictions ×
     * annotations, null without either; groundTruth: every other annotation against the ground-truth one.
     */
    public record Scores(Double agreement, List<Pair> pairs, Double modelAgreement, List<AgainstGroundTruth> groundTruth) {}

    public static Scores of(List<Annotation> annotations, List<Prediction> predictions, AgreementSettings settings) {
        List<Annotation> sorted = new ArrayList<>(annotations);
        sorted.sort(Comparator.comparing(Annotation::id));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                Annotation a = sorted.get(i), b = sorted.get(j);
                pairs.add(new Pair(a, b, Agreement.between(a.result(), b.result(), settings).value()));
            }
        }
        Double agreement = pairs.isEmpty() ? null : pairs.stream().mapToDouble(Pair::score).average().orElseThrow();
        Double model = null;
        if (!predictions.isEmpty() && !sorted.isEmpty()) {
            double total = 0;
            for (Prediction p : predictions) {
                for (Annotation a : sorted) total += Agreement.against(a.result(), p.result(), settings).value();
            }
            model = total / (predictions.size() * sorted.size());
        }
        List<AgainstGroundTruth> truth = new ArrayList<>();
        Annotation reference = sorted.stream().filter(Annotation::groundTruth).findFirst().orElse(null);
        if (reference != null) {
            for (Annotation a : sorted) {
                if (a != reference) truth.add(new AgainstGroundTruth(a, Agreement.against(reference.result(), a.result(), settings).value()));
            }
        }
        return new Scores(agreement, pairs, model, truth);
    }
}
