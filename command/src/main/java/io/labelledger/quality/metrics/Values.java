package io.labelledger.quality.metrics;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics of controls that hold values rather than regions: classifications, text, numbers, dates, rankings,
 * pairwise choices. Every metric is in 0..1 and symmetric.
 */
final class Values {
    private Values() {}

    // ---- classification ---------------------------------------------------------------------------------------

    /**
     * The chosen values of a control: Choices' {@code value.choices}; Taxonomy's paths joined with " / ". Several
     * items (per-region choices) are pooled into one set.
     */
    static Set<String> chosen(ControlKind kind, List<JsonNode> items) {
        Set<String> out = new HashSet<>();
        for (JsonNode item : items) {
            JsonNode v = item.path("value");
            if (kind == ControlKind.TAXONOMY) {
                for (JsonNode path : v.path("taxonomy")) {
                    List<String> parts = new ArrayList<>();
                    if (path.isArray()) for (JsonNode p : path) parts.add(p.asString(""));
                    else parts.add(path.asString(""));
                    out.add(String.join(" / ", parts));
                }
            } else {
                for (JsonNode c : v.path("choices")) out.add(c.asString(""));
            }
        }
        return out;
    }

    static double exact(Set<String> a, Set<String> b, ControlSettings settings) {
        return strip(a, settings).equals(strip(b, settings)) ? 1 : 0;
    }

    /** Weighted Jaccard: the weight of the common values over the weight of all values chosen by either. */
    static double jaccard(Set<String> a, Set<String> b, ControlSettings settings) {
        Set<String> x = strip(a, settings), y = strip(b, settings);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        if (union.isEmpty()) return 1;
        double inter = 0, all = 0;
        for (String v : union) {
            double w = settings.labelWeight(v);
            all += w;
            if (x.contains(v) && y.contains(v)) inter += w;
        }
        return inter / all;
    }

    /** Values weighing 0 do not count. */
    private static Set<String> strip(Set<String> values, ControlSettings settings) {
        Set<String> out = new HashSet<>();
        for (String v : values) if (settings.labelWeight(v) > 0) out.add(v);
        return out;
    }

    // ---- text -------------------------------------------------------------------------------------------------

    /** A TextArea's text: its lines joined with a newline, trimmed. */
    static String text(List<JsonNode> items) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode text = item.path("value").get("text");
            if (text == null) continue;
            if (text.isArray()) for (JsonNode t : text) lines.add(t.asString(""));
            else lines.add(text.asString(""));
        }
        return String.join("\n", lines).strip();
    }

    /** 1 − Levenshtein distance / the longer length (1 for two empty texts). */
    static double editSimilarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) return 1;
        return 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / longer;
    }

    // ---- numbers and dates ------------------------------------------------------------------------------------

    /** The control's numbers ({@code value.<key>}) in item order; unreadable values are left out. */
    static List<Double> numbers(List<JsonNode> items, String key) {
        List<Double> out = new ArrayList<>();
        for (JsonNode item : items) {
            double d = Shapes.num(item.path("value"), key);
            if (!Double.isNaN(d)) out.add(d);
        }
        return out;
    }

    static List<Double> datetimes(List<JsonNode> items) {
        List<Double> out = new ArrayList<>();
        for (JsonNode item : items) {
            Instant at = Shapes.instant(item.path("value").path("datetime").asString(""));
            if (at != null) out.add((double) at.toEpochMilli());
        }
        return out;
    }

    interface Pairwise { double of(double a, double b); }

    /** Values compared position by position; a value without a counterpart scores 0. */
    static double positional(List<Double> a, List<Double> b, Pairwise metric) {
        int n = Math.max(a.size(), b.size());
        if (n == 0) return 1;
        double total = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) total += metric.of(a.get(i), b.get(i));
        return total / n;
    }

    static double exact(double a, double b) { return a == b ? 1 : 0; }

    /** 1 − |a − b| / scale, at least 0. */
    static double difference(double a, double b, double scale) {
        if (scale <= 0) return exact(a, b);
        return Math.max(0, 1 - Math.abs(a - b) / scale);
    }

    /** 1 − |a − b| / max(|a|, |b|), at least 0 (two zeros agree). */
    static double relativeDifference(double a, double b) {
        double m = Math.max(Math.abs(a), Math.abs(b));
        return m == 0 ? 1 : Math.max(0, 1 - Math.abs(a - b) / m);
    }

    static double seconds(double millisA, double millisB, double scaleSeconds) {
        return difference(millisA / 1000, millisB / 1000, scaleSeconds);
    }

    // ---- ranker -----------------------------------------------------------------------------------------------

    /** Each ranked item's position in the buckets read in order (bucket by bucket, then within the bucket). */
    static Map<String, Integer> ranks(List<JsonNode> items) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode ranker = item.path("value").get("ranker");
            if (ranker == null) continue;
            if (ranker.isArray()) {
                for (JsonNode id : ranker) out.putIfAbsent(id.asString(""), out.size());
            } else if (ranker.isObject()) {
                for (var bucket : ranker.properties()) {
                    for (JsonNode id : bucket.getValue()) out.putIfAbsent(id.asString(""), out.size());
                }
            }
        }
        return out;
    }

    /**
     * Rank correlation over the items both ranked, mapped from −1..1 to 0..1; an item only one of them ranked lowers
     * it by its share. Fewer than two common items: 1 when the orders are the same, else 0.
     */
    static double rankCorrelation(Map<String, Integer> a, Map<String, Integer> b, boolean spearman) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        List<String> common = new ArrayList<>();
        for (String id : a.keySet()) if (b.containsKey(id)) common.add(id);
        Set<String> all = new HashSet<>(a.keySet());
        all.addAll(b.keySet());
        double share = (double) common.size() / all.size();
        if (common.size() < 2) return common.size() == all.size() ? 1 : 0;
        double[] x = new double[common.size()], y = new double[common.size()];
        for (int i = 0; i < common.size(); i++) {
            x[i] = a.get(common.get(i));
            y[i] = b.get(common.get(i));
        }
        double r = spearman ? new SpearmansCorrelation().correlation(x, y) : new KendallsCorrelation().correlation(x, y);
        if (Double.isNaN(r)) r = 1;
        return share * (r + 1) / 2;
    }

    static double sameOrder(Map<String, Integer> a, Map<String, Integer> b) {
        return new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet())) ? 1 : 0;
    }

    // ---- pairwise ---------------------------------------------------------------------------------------------

    static Set<String> selected(List<JsonNode> items) {
        Set<String> out = new HashSet<>();
        for (JsonNode item : items) out.add(item.path("value").path("selected").asString(""));
        return out;
    }

}
