package io.labelledger.quality.metrics;

import org.jgrapht.Graph;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;

/**
 * Regions of one control (spans, shapes, points, masks, video tracks) and the two ways to compare two annotators'
 * sets of them: Label Studio's "mean best IoU" and a one-to-one matching (Hungarian, maximum weight) that gives
 * precision, recall and F1 at a threshold.
 */
final class Regions {
    private Regions() {}

    /** A region: its item id, labels, weight (sum of its labels' weights, 1 without labels) and shape. */
    record Region(String id, Set<String> labels, double weight, Object shape) {}

    /** The regions of a control's items; items whose shape is unreadable are left out, as are labels weighing 0. */
    static List<Region> of(ControlKind kind, String type, List<JsonNode> items, ControlSettings settings) {
        List<Region> out = new ArrayList<>();
        for (JsonNode item : items) {
            Object shape = switch (kind) {
                case SPANS, TIME_SERIES -> {
                    Shapes.Interval i = Shapes.interval(type, item.path("value"));
                    yield Double.isNaN(i.start()) || Double.isNaN(i.end()) ? null : i;
                }
                case SHAPES -> Shapes.geometry(type, item);
                case KEYPOINTS -> Shapes.point(item);
                case MASKS -> BrushRle.decode(item.path("value").get("rle"));
                case VIDEO -> VideoTrack.of(item.path("value"));
                default -> null;
            };
            if (shape == null) continue;
            Set<String> labels = labels(type, item.path("value"));
            double weight = labels.isEmpty() ? 1 : labels.stream().mapToDouble(settings::labelWeight).sum();
            if (weight <= 0) continue;
            out.add(new Region(item.path("id").asString(""), labels, weight, shape));
        }
        return out;
    }

    /** A region's labels: {@code value.<type>} (e.g. value.rectanglelabels), else {@code value.labels}. */
    static Set<String> labels(String type, JsonNode value) {
        JsonNode list = value.get(type);
        if (list == null || !list.isArray()) list = value.get("labels");
        Set<String> out = new TreeSet<>();
        if (list != null && list.isArray()) for (JsonNode l : list) out.add(l.asString(""));
        return out;
    }

    /** Overlap of two regions' shapes in 0..1; regions with different labels never overlap. */
    static double similarity(Region a, Region b, double tolerance) {
        if (!a.labels().equals(b.labels())) return 0;
        return switch (a.shape()) {
            case Shapes.Interval i when b.shape() instanceof Shapes.Interval j -> Shapes.iou(i, j);
            case Geometry g when b.shape() instanceof Geometry h -> Shapes.iou(g, h);
            case BitSet m when b.shape() instanceof BitSet n -> BrushRle.iou(m, n);
            case VideoTrack t when b.shape() instanceof VideoTrack u -> t.iou(u);
            case Shapes.Point p when b.shape() instanceof Shapes.Point q -> {
                double d = Shapes.distance(p, q);
                yield d > tolerance ? 0 : (tolerance == 0 ? 1 : 1 - d / tolerance);
            }
            default -> 0;
        };
    }

    /**
     * Label Studio's region agreement: for each region of {@code reference} the best similarity among
     * {@code candidate}'s, averaged with the regions' weights. Not one-to-one: two boxes may both match one.
     */
    static double meanBest(List<Region> reference, List<Region> candidate, ToDoubleBiFunction<Region, Region> sim) {
        double total = 0, weights = 0;
        for (Region r : reference) {
            double best = 0;
            for (Region c : candidate) best = Math.max(best, sim.applyAsDouble(r, c));
            total += r.weight() * best;
            weights += r.weight();
        }
        return weights == 0 ? 0 : total / weights;
    }

    /** One-to-one pairs with their similarity, at least {@code threshold} (and above 0). */
    record Pair(Region reference, Region candidate, double similarity) {}

    /**
     * The matching with the most pairs at or above the threshold, and among those the highest total similarity
     * (each edge weighs {@code n + 1 + similarity}, so one more pair always outweighs any similarity gain).
     */
    static List<Pair> match(List<Region> reference, List<Region> candidate, ToDoubleBiFunction<Region, Region> sim,
                            double threshold) {
        if (reference.isEmpty() || candidate.isEmpty()) return List.of();
        Graph<Object, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        // vertices by identity: two regions may be equal records
        List<Object> left = new ArrayList<>(), right = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) left.add(new Side(0, i));
        for (int j = 0; j < candidate.size(); j++) right.add(new Side(1, j));
        left.forEach(g::addVertex);
        right.forEach(g::addVertex);
        double bonus = Math.min(reference.size(), candidate.size()) + 1;
        Map<DefaultWeightedEdge, Double> similarity = new HashMap<>();
        for (int i = 0; i < reference.size(); i++) {
            for (int j = 0; j < candidate.size(); j++) {
                double s = sim.applyAsDouble(reference.get(i), candidate.get(j));
                if (s > 0 && s >= threshold) {
                    DefaultWeightedEdge e = g.addEdge(left.get(i), right.get(j));
                    g.setEdgeWeight(e, bonus + s);
                    similarity.put(e, s);
                }
            }
        }
        if (similarity.isEmpty()) return List.of();
        var matching = new MaximumWeightBipartiteMatching<>(g, new LinkedHashSet<>(left), new LinkedHashSet<>(right)).getMatching();
        List<Pair> out = new ArrayList<>();
        for (DefaultWeightedEdge e : matching.getEdges()) {
            Side a = (Side) g.getEdgeSource(e), b = (Side) g.getEdgeTarget(e);
            if (a.side() == 1) { Side t = a; a = b; b = t; }
            out.add(new Pair(reference.get(a.index()), candidate.get(b.index()), similarity.get(e)));
        }
        return out;
    }

    private record Side(int side, int index) {}

    /** Precision, recall and F1 of a matching, counted with the regions' weights. */
    record Counts(double matchedReference, double matchedCandidate, double reference, double candidate) {
        double precision() { return candidate == 0 ? (reference == 0 ? 1 : 0) : matchedCandidate / candidate; }

        double recall() { return reference == 0 ? (candidate == 0 ? 1 : 0) : matchedReference / reference; }

        double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static Counts counts(List<Region> reference, List<Region> candidate, List<Pair> pairs) {
        return new Counts(pairs.stream().mapToDouble(p -> p.reference().weight()).sum(),
                pairs.stream().mapToDouble(p -> p.candidate().weight()).sum(),
                reference.stream().mapToDouble(Region::weight).sum(), candidate.stream().mapToDouble(Region::weight).sum());
    }

    /** Reference region id → candidate region id for the pairs (relations' ends). */
    static Map<String, String> ids(List<Pair> pairs) {
        Map<String, String> out = new HashMap<>();
        for (Pair p : pairs) if (!p.reference().id().isEmpty()) out.put(p.reference().id(), p.candidate().id());
        return out;
    }

    static boolean sameLabels(Region a, Region b) { return Objects.equals(a.labels(), b.labels()); }
}
