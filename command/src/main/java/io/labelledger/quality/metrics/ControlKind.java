package io.labelledger.quality.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The families of Label Studio result types that share metrics, each with its default metric (the one Label Studio's
 * evaluation library uses, so that numbers match, ADR 0044) and the alternatives with their parameters and defaults.
 * {@code resultTypes} are the {@code type} values of result items (a control's type in lower case).
 */
public enum ControlKind {
    CHOICES(List.of("choices"), List.of(m("exact"), m("jaccard"))),
    TAXONOMY(List.of("taxonomy"), List.of(m("exact"), m("jaccard"))),
    /** Text, HyperText and Paragraphs spans, audio regions ("labels" on Audio): intervals, 1D IoU. */
    SPANS(List.of("labels", "hypertextlabels", "paragraphlabels"), regionMetrics(true)),
    TIME_SERIES(List.of("timeserieslabels"), regionMetrics(true)),
    /** Rectangles, ellipses and polygons: area IoU (JTS); "ocr" pairs each region's transcription too. */
    SHAPES(List.of("rectanglelabels", "rectangle", "ellipselabels", "ellipse", "polygonlabels", "polygon"),
            List.of(m("iou"), m("f1", "iou_threshold", 0.5), m("precision", "iou_threshold", 0.5),
                    m("recall", "iou_threshold", 0.5), m("ocr", "iou_threshold", 0.5))),
    KEYPOINTS(List.of("keypointlabels", "keypoint"), List.of(m("distance", "tolerance", 5), m("soft_distance", "tolerance", 5))),
    MASKS(List.of("brushlabels", "brush"), List.of(m("iou"), m("f1", "iou_threshold", 0.5))),
    VIDEO(List.of("videorectangle"), List.of(m("iou"), m("f1", "iou_threshold", 0.5))),
    TEXT(List.of("textarea"), List.of(m("edit_distance"), m("exact"))),
    RATING(List.of("rating"), List.of(m("difference", "scale", 4), m("exact"))),
    NUMBER(List.of("number"), List.of(m("exact"), m("difference", "scale", 1), m("relative_difference"))),
    DATETIME(List.of("datetime"), List.of(m("exact"), m("difference", "scale_seconds", 86_400))),
    RANKER(List.of("ranker"), List.of(m("kendall"), m("spearman"), m("exact"))),
    PAIRWISE(List.of("pairwise"), List.of(m("exact"))),
    /** Relations between regions: both ends must be matched regions (by {@code match_threshold}) and the labels equal. */
    RELATIONS(List.of("relation"), List.of(m("f1", "match_threshold", 0.5)));

    private final List<String> resultTypes;
    private final List<MetricSpec> metrics;

    ControlKind(List<String> resultTypes, List<MetricSpec> metrics) {
        this.resultTypes = resultTypes;
        this.metrics = metrics;
    }

    public List<String> resultTypes() { return resultTypes; }

    /** The metrics this kind supports with their default parameters; the first is the default. */
    public List<MetricSpec> metrics() { return metrics; }

    public MetricSpec defaultMetric() { return metrics.getFirst(); }

    /** The metric by name with its default parameters overridden by {@code chosen}'s; empty when unknown here. */
    public Optional<MetricSpec> resolve(MetricSpec chosen) {
        if (chosen == null) return Optional.of(defaultMetric());
        return metrics.stream().filter(m -> m.name().equals(chosen.name())).findFirst().map(m -> {
            var params = new java.util.HashMap<>(m.params());
            params.putAll(chosen.params());
            return new MetricSpec(m.name(), params);
        });
    }

    public static Optional<ControlKind> ofResultType(String type) {
        if (type == null) return Optional.empty();
        String t = type.toLowerCase(Locale.ROOT);
        for (ControlKind k : values()) if (k.resultTypes.contains(t)) return Optional.of(k);
        return Optional.empty();
    }

    private static MetricSpec m(String name) { return MetricSpec.of(name); }

    private static MetricSpec m(String name, String param, double value) { return new MetricSpec(name, Map.of(param, value)); }

    private static List<MetricSpec> regionMetrics(boolean exact) {
        return exact
                ? List.of(m("iou"), m("exact"), m("f1", "iou_threshold", 0.5), m("precision", "iou_threshold", 0.5),
                          m("recall", "iou_threshold", 0.5))
                : List.of(m("iou"), m("f1", "iou_threshold", 0.5));
    }
}
