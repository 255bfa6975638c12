package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;

/**
 * Agreement between two Label Studio results (lists of result items), in 0..1: each control ({@code from_name}) is
 * scored with its metric, relations as one more control ("relations"), and the task score is the controls' mean
 * weighted by their weights (Label Studio's "overall" control weight). As in Label Studio's evaluation library, a
 * metric is made symmetric by taking the lower of its two directions, a control only one side used scores 0, and two
 * empty results agree fully. Pure functions: no time, no randomness; the same results always give the same score.
 */
public final class Agreement {
    /** The control name under which relations are scored and weighted. */
    public static final String RELATIONS = "relations";
    private static final double EXACT = 1 - 1e-9;

    private Agreement() {}

    /** The task score and each scored control's score (by control name). */
    public record Score(double value, Map<String, Double> controls) {}

    /** Agreement of two annotators' results: symmetric. */
    public static Score between(JsonNode a, JsonNode b, AgreementSettings settings) {
        return score(a, b, settings, true);
    }

    /**
     * Agreement of {@code candidate} with {@code reference} (the ground truth, or the annotation a prediction is
     * compared with): as {@link #between} except that precision and recall keep their direction.
     */
    public static Score against(JsonNode reference, JsonNode candidate, AgreementSettings settings) {
        return score(reference, candidate, settings, false);
    }

    private record Control(String name, String type, List<JsonNode> reference, List<JsonNode> candidate) {}

    private static Score score(JsonNode reference, JsonNode candidate, AgreementSettings settings, boolean symmetric) {
        List<JsonNode> ref = items(reference), cand = items(candidate);
        Map<String, Control> controls = new TreeMap<>();
        List<JsonNode> refRelations = new ArrayList<>(), candRelations = new ArrayList<>();
        group(ref, controls, refRelations, true);
        group(cand, controls, candRelations, false);
        Set<String> transcribed = new HashSet<>();
        transcribed.addAll(transcribedRegions(ref));
        transcribed.addAll(transcribedRegions(cand));

        Map<String, Double> scores = new LinkedHashMap<>();
        double total = 0, weights = 0;
        for (Control c : controls.values()) {
            ControlSettings cs = settings.control(c.name());
            var kind = ControlKind.ofResultType(c.type());
            if (cs.weight() == 0 || kind.isEmpty()) continue;
            if (kind.get() == ControlKind.TEXT && isTranscription(c, transcribed)) continue; // scored with its regions (OCR)
            MetricSpec metric = kind.get().resolve(cs.metric()).orElse(kind.get().defaultMetric());
            if (kind.get() == ControlKind.SHAPES && cs.metric() == null && hasTranscriptions(c, transcribed)) {
                metric = kind.get().resolve(MetricSpec.of("ocr")).orElseThrow();
            }
            double s = directional(metric) && !symmetric
                    ? control(kind.get(), metric, c, c.reference(), c.candidate(), cs, ref, cand)
                    : Math.min(control(kind.get(), metric, c, c.reference(), c.candidate(), cs, ref, cand),
                               control(kind.get(), metric, c, c.candidate(), c.reference(), cs, cand, ref));
            scores.put(c.name(), s);
            total += cs.weight() * s;
            weights += cs.weight();
        }
        if (!refRelations.isEmpty() || !candRelations.isEmpty()) {
            ControlSettings cs = settings.control(RELATIONS);
            if (cs.weight() > 0) {
                MetricSpec metric = ControlKind.RELATIONS.resolve(cs.metric()).orElse(ControlKind.RELATIONS.defaultMetric());
                double threshold = metric.param("match_threshold", 0.5);
                double s = Math.min(relations(refRelations, candRelations, controls, settings, threshold, true),
                        relations(candRelations, refRelations, controls, settings, threshold, false));
                scores.put(RELATIONS, s);
                total += cs.weight() * s;
                weights += cs.weight();
            }
        }
        if (weights == 0) return new Score(ref.equals(cand) ? 1 : 0, scores); // nothing scorable: the same or not
        return new Score(clip(total / weights), scores);
    }

    private static boolean directional(MetricSpec m) { return m.name().equals("precision") || m.name().equals("recall"); }

    private static double clip(double v) { return Math.max(0, Math.min(1, v)); }

    static List<JsonNode> items(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        if (result != null && result.isArray()) for (JsonNode item : result) if (item.isObject()) out.add(item);
        return out;
    }

    private static void group(List<JsonNode> items, Map<String, Control> controls, List<JsonNode> relations, boolean reference) {
        for (JsonNode item : items) {
            String type = item.path("type").asString("");
            if (type.equals("relation")) {
                relations.add(item);
                continue;
            }
            String name = item.path("from_name").asString("");
            if (name.isEmpty()) continue;
            Control c = controls.computeIfAbsent(name, n -> new Control(n, type, new ArrayList<>(), new ArrayList<>()));
            (reference ? c.reference() : c.candidate()).add(item);
        }
    }

    /** Ids of shape regions that have a TextArea item with the same id: OCR transcriptions. */
    private static Set<String> transcribedRegions(List<JsonNode> items) {
        Set<String> shapes = new HashSet<>(), texts = new HashSet<>();
        for (JsonNode item : items) {
            String id = item.path("id").asString("");
            if (id.isEmpty()) continue;
            var kind = ControlKind.ofResultType(item.path("type").asString(""));
            if (kind.isPresent() && kind.get() == ControlKind.SHAPES) shapes.add(id);
            if (kind.isPresent() && kind.get() == ControlKind.TEXT) texts.add(id);
        }
        shapes.retainAll(texts);
        return shapes;
    }

    private static boolean isTranscription(Control c, Set<String> transcribed) {
        return all(c).stream().allMatch(i -> transcribed.contains(i.path("id").asString("")));
    }

    private static boolean hasTranscriptions(Control c, Set<String> transcribed) {
        return all(c).stream().anyMatch(i -> transcribed.contains(i.path("id").asString("")));
    }

    private static List<JsonNode> all(Control c) {
        List<JsonNode> out = new ArrayList<>(c.reference());
        out.addAll(c.candidate());
        return out;
    }

    /** One direction of one control's metric: {@code ref} against {@code cand}. */
    private static double control(ControlKind kind, MetricSpec metric, Control c, List<JsonNode> ref, List<JsonNode> cand,
                                  ControlSettings cs, List<JsonNode> refResult, List<JsonNode> candResult) {
        if (ref.isEmpty() != cand.isEmpty()) return 0;
        if (ref.isEmpty()) return 1;
        String m = metric.name();
        return switch (kind) {
            case CHOICES, TAXONOMY -> {
                Set<String> a = Values.chosen(kind, ref), b = Values.chosen(kind, cand);
                yield m.equals("jaccard") ? Values.jaccard(a, b, cs) : Values.exact(a, b, cs);
            }
            case TEXT -> {
                String a = Values.text(ref), b = Values.text(cand);
                yield m.equals("exact") ? (a.equals(b) ? 1 : 0) : Values.editSimilarity(a, b);
            }
            case RATING -> numbers(Values.numbers(ref, "rating"), Values.numbers(cand, "rating"), metric);
            case NUMBER -> numbers(Values.numbers(ref, "number"), Values.numbers(cand, "number"), metric);
            case DATETIME -> {
                List<Double> a = Values.datetimes(ref), b = Values.datetimes(cand);
                double scale = metric.param("scale_seconds", 86_400);
                yield m.equals("difference") ? Values.positional(a, b, (x, y) -> Values.seconds(x, y, scale))
                                             : Values.positional(a, b, Values::exact);
            }
            case RANKER -> {
                Map<String, Integer> a = Values.ranks(ref), b = Values.ranks(cand);
                yield switch (m) {
                    case "exact" -> Values.sameOrder(a, b);
                    case "spearman" -> Values.rankCorrelation(a, b, true);
                    default -> Values.rankCorrelation(a, b, false);
                };
            }
            case PAIRWISE -> Values.selected(ref).equals(Values.selected(cand)) ? 1 : 0;
            case SPANS, TIME_SERIES, SHAPES, KEYPOINTS, MASKS, VIDEO ->
                    regions(kind, metric, c.type(), ref, cand, cs, refResult, candResult);
            case RELATIONS -> 0; // scored apart
        };
    }

    private static double numbers(List<Double> a, List<Double> b, MetricSpec metric) {
        return switch (metric.name()) {
            case "difference" -> Values.positional(a, b, (x, y) -> Values.difference(x, y, metric.param("scale", 1)));
            case "relative_difference" -> Values.positional(a, b, Values::relativeDifference);
            default -> Values.positional(a, b, Values::exact);
        };
    }

    private static double regions(ControlKind kind, MetricSpec metric, String type, List<JsonNode> refItems,
                                  List<JsonNode> candItems, ControlSettings cs, List<JsonNode> refResult, List<JsonNode> candResult) {
        List<Regions.Region> ref = Regions.of(kind, type, refItems, cs), cand = Regions.of(kind, type, candItems, cs);
        if (ref.isEmpty() && cand.isEmpty()) return 1;
        if (ref.isEmpty() || cand.isEmpty()) return 0;
        double tolerance = metric.param("tolerance", 5);
        ToDoubleBiFunction<Regions.Region, Regions.Region> sim = (a, b) -> Regions.similarity(a, b, tolerance);
        double threshold = metric.param("iou_threshold", 0.5);
        return switch (metric.name()) {
            case "exact" -> Regions.counts(ref, cand, Regions.match(ref, cand, sim, EXACT)).f1();
            case "f1" -> Regions.counts(ref, cand, Regions.match(ref, cand, sim, threshold)).f1();
            case "precision" -> Regions.counts(ref, cand, Regions.match(ref, cand, sim, threshold)).precision();
            case "recall" -> Regions.counts(ref, cand, Regions.match(ref, cand, sim, threshold)).recall();
            case "distance" -> Regions.counts(ref, cand, Regions.match(ref, cand, (a, b) -> within(a, b, tolerance), 1)).f1();
            case "soft_distance" -> softF1(ref, cand, Regions.match(ref, cand, sim, 0));
            case "ocr" -> {
                Map<String, String> refText = transcriptions(refResult), candText = transcriptions(candResult);
                List<Regions.Pair> pairs = Regions.match(ref, cand, sim, threshold);
                double matched = 0;
                for (Regions.Pair p : pairs) {
                    matched += p.reference().weight() * p.similarity() * Values.editSimilarity(
                            refText.getOrDefault(p.reference().id(), ""), candText.getOrDefault(p.candidate().id(), ""));
                }
                yield 2 * matched / (weight(ref) + weight(cand));
            }
            default -> Regions.meanBest(ref, cand, sim); // "iou"
        };
    }

    /** 1 when two points with the same labels are at most {@code tolerance} (percent of the image) apart, else 0. */
    private static double within(Regions.Region a, Regions.Region b, double tolerance) {
        return a.shape() instanceof Shapes.Point p && b.shape() instanceof Shapes.Point q && Regions.sameLabels(a, b)
               && Shapes.distance(p, q) <= tolerance ? 1 : 0;
    }

    /** Σ similarity of the matched pairs over the mean size: F1 with partial credit per pair. */
    private static double softF1(List<Regions.Region> ref, List<Regions.Region> cand, List<Regions.Pair> pairs) {
        double matched = pairs.stream().mapToDouble(p -> p.reference().weight() * p.similarity()).sum();
        return 2 * matched / (weight(ref) + weight(cand));
    }

    private static double weight(List<Regions.Region> regions) {
        return regions.stream().mapToDouble(Regions.Region::weight).sum();
    }

    /** Region id → its transcription (TextArea items with the region's id). */
    private static Map<String, String> transcriptions(List<JsonNode> items) {
        Map<String, List<JsonNode>> byId = new HashMap<>();
        for (JsonNode item : items) {
            if (ControlKind.ofResultType(item.path("type").asString("")).orElse(null) == ControlKind.TEXT) {
                byId.computeIfAbsent(item.path("id").asString(""), k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, String> out = new HashMap<>();
        byId.forEach((id, list) -> out.put(id, Values.text(list)));
        return out;
    }

    // ---- relations --------------------------------------------------------------------------------------------

    /**
     * Relations of {@code ref} found in {@code cand} (F1): a relation is found when the other result has one with the
     * same labels and direction whose ends are the regions matched to its ends (one-to-one matching per control at
     * {@code threshold}); a bidirectional relation may be found either way round.
     */
    private static double relations(List<JsonNode> ref, List<JsonNode> cand, Map<String, Control> controls,
                                    AgreementSettings settings, double threshold, boolean forward) {
        if (ref.isEmpty() != cand.isEmpty()) return 0;
        if (ref.isEmpty()) return 1;
        Map<String, String> ends = new HashMap<>();
        for (Control c : controls.values()) {
            var kind = ControlKind.ofResultType(c.type()).orElse(null);
            if (kind == null || !Set.of(ControlKind.SPANS, ControlKind.TIME_SERIES, ControlKind.SHAPES, ControlKind.KEYPOINTS,
                    ControlKind.MASKS, ControlKind.VIDEO).contains(kind)) continue;
            ControlSettings cs = settings.control(c.name());
            List<JsonNode> a = forward ? c.reference() : c.candidate(), b = forward ? c.candidate() : c.reference();
            List<Regions.Region> ra = Regions.of(kind, c.type(), a, cs), rb = Regions.of(kind, c.type(), b, cs);
            double tolerance = kind == ControlKind.KEYPOINTS ? 5 : 0;
            ends.putAll(Regions.ids(Regions.match(ra, rb, (x, y) -> Regions.similarity(x, y, tolerance), threshold)));
        }
        Set<String> found = new HashSet<>();
        for (JsonNode r : cand) found.add(key(r.path("from_id").asString(""), r.path("to_id").asString(""), r));
        int matched = 0;
        for (JsonNode r : ref) {
            String from = ends.get(r.path("from_id").asString("")), to = ends.get(r.path("to_id").asString(""));
            if (from == null || to == null) continue;
            boolean bi = "bi".equals(r.path("direction").asString(""));
            if (found.contains(key(from, to, r)) || (bi && found.contains(key(to, from, r)))) matched++;
        }
        return 2.0 * matched / (ref.size() + cand.size());
    }

    private static String key(String from, String to, JsonNode relation) {
        Set<String> labels = new TreeSet<>();
        for (JsonNode l : relation.path("labels")) labels.add(l.asString(""));
        String direction = relation.path("direction").asString("right");
        if (direction.equals("left")) { String t = from; from = to; to = t; direction = "right"; }
        return from + "\u0000" + to + "\u0000" + direction + "\u0000" + labels;
    }
}
