package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chance-corrected agreement over a project's categorical controls (issue 13): Cohen's kappa for each pair of raters,
 * Fleiss' kappa and Krippendorff's alpha (nominal, missing data allowed) over all of them. Unlike the 0..1 agreement
 * scores these are in -1..1: 0 is what raters choosing at random with the observed frequencies would reach, negative
 * is worse than chance. Undefined (null) where the formula divides by zero: no pairable unit, or a single category
 * used by everyone (expected agreement 1). Pure functions: no clock, no order dependence beyond "first rating wins".
 */
public final class ChanceAgreement {
    /** The result types rated as nominal categories: one category per annotation and control. */
    public static final Set<String> CATEGORICAL = Set.of("choices", "taxonomy", "pairwise");

    private ChanceAgreement() {}

    /** One rater's category for one unit (task) and control. */
    public record Rating(String unit, String rater, String control, String resultType, String category) {}

    public record PairKappa(String raterA, String raterB, int units, Double kappa) {}

    /**
     * One control's statistics. {@code units}: tasks rated by at least two people; {@code raters}: people with a
     * rating on such a task; {@code cohensKappa}: each pair of raters over the tasks both rated (raterA sorts first).
     */
    public record ControlStatistics(String control, String resultType, int units, int raters, int categories,
                                    Double fleissKappa, Double krippendorffAlpha, Double meanCohensKappa,
                                    List<PairKappa> cohensKappa) {}

    /**
     * The categorical ratings in one annotation's result: per control (from_name) of a categorical type, the set of
     * chosen values as one category (a multi-select answer {A, B} is the category "A | B"; Taxonomy paths are joined
     * with " / "; Pairwise is the side selected). A control the annotation did not use is missing, not a category.
     */
    public static List<Rating> ratings(String unit, String rater, JsonNode result) {
        Map<String, TreeSet<String>> chosen = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        for (JsonNode item : Agreement.items(result)) {
            String type = item.path("type").asString("").toLowerCase(java.util.Locale.ROOT);
            String control = item.path("from_name").asString("");
            if (!CATEGORICAL.contains(type) || control.isEmpty()) continue;
            TreeSet<String> values = chosen.computeIfAbsent(control, c -> new TreeSet<>());
            types.putIfAbsent(control, type);
            JsonNode value = item.path("value");
            switch (type) {
                case "taxonomy" -> {
                    for (JsonNode path : value.path("taxonomy")) {
                        List<String> parts = new ArrayList<>();
                        if (path.isArray()) for (JsonNode p : path) parts.add(p.asString(""));
                        else parts.add(path.asString(""));
                        values.add(String.join(" / ", parts));
                    }
                }
                case "pairwise" -> {
                    if (!value.path("selected").isMissingNode()) values.add(value.path("selected").asString(""));
                }
                default -> {
                    for (JsonNode c : value.path("choices")) values.add(c.asString(""));
                }
            }
        }
        List<Rating> out = new ArrayList<>();
        chosen.forEach((control, values) -> {
            if (!values.isEmpty()) out.add(new Rating(unit, rater, control, types.get(control), String.join(" | ", values)));
        });
        return out;
    }

    /** Per control (sorted by name), the three statistics over the ratings; one rating per unit, rater and control (the first). */
    public static List<ControlStatistics> of(List<Rating> ratings) {
        // control -> unit -> rater -> category
        Map<String, Map<String, Map<String, String>>> byControl = new TreeMap<>();
        Map<String, String> types = new HashMap<>();
        for (Rating r : ratings) {
            byControl.computeIfAbsent(r.control(), c -> new LinkedHashMap<>())
                     .computeIfAbsent(r.unit(), u -> new LinkedHashMap<>())
                     .putIfAbsent(r.rater(), r.category());
            types.putIfAbsent(r.control(), r.resultType());
        }
        List<ControlStatistics> out = new ArrayList<>();
        byControl.forEach((control, units) -> out.add(statistics(control, types.get(control), units)));
        return out;
    }

    private static ControlStatistics statistics(String control, String type, Map<String, Map<String, String>> units) {
        List<List<String>> values = new ArrayList<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        Set<String> raters = new TreeSet<>(), categories = new TreeSet<>();
        // pair of raters -> the category pairs of the units both rated
        Map<String, Map<String, List<String[]>>> pairs = new TreeMap<>();
        for (Map<String, String> unit : units.values()) {
            if (unit.size() < 2) continue;
            values.add(new ArrayList<>(unit.values()));
            Map<String, Integer> count = new HashMap<>();
            for (String c : unit.values()) count.merge(c, 1, Integer::sum);
            counts.add(count);
            raters.addAll(unit.keySet());
            categories.addAll(unit.values());
            List<String> people = new ArrayList<>(new TreeSet<>(unit.keySet()));
            for (int i = 0; i < people.size(); i++) {
                for (int j = i + 1; j < people.size(); j++) {
                    pairs.computeIfAbsent(people.get(i), a -> new TreeMap<>()).computeIfAbsent(people.get(j), b -> new ArrayList<>())
                         .add(new String[] {unit.get(people.get(i)), unit.get(people.get(j))});
                }
            }
        }
        List<PairKappa> kappas = new ArrayList<>();
        pairs.forEach((a, withB) -> withB.forEach((b, rated) -> kappas.add(new PairKappa(a, b, rated.size(), cohensKappa(rated)))));
        double sum = 0;
        int defined = 0;
        for (PairKappa k : kappas) {
            if (k.kappa() != null) { sum += k.kappa(); defined++; }
        }
        return new ControlStatistics(control, type, values.size(), raters.size(), categories.size(), fleissKappa(counts),
                krippendorffAlphaNominal(values), defined == 0 ? null : sum / defined, kappas);
    }

    /**
     * Cohen's kappa of two raters: (p_o - p_e) / (1 - p_e), p_o the share of units where both chose the same category,
     * p_e the agreement expected from each rater's own category frequencies. Each element is {rater A's, rater B's}.
     */
    public static Double cohensKappa(List<String[]> units) {
        int n = units.size();
        if (n == 0) return null;
        Map<String, Integer> a = new HashMap<>(), b = new HashMap<>();
        int same = 0;
        for (String[] u : units) {
            if (u[0].equals(u[1])) same++;
            a.merge(u[0], 1, Integer::sum);
            b.merge(u[1], 1, Integer::sum);
        }
        double observed = same / (double) n, expected = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) expected += e.getValue() * (double) b.getOrDefault(e.getKey(), 0) / ((double) n * n);
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /**
     * Fleiss' kappa from the category counts of each unit. With the same number of raters on every unit this is
     * Fleiss (1971); a unit's own number of raters n_i is used in its agreement (sum of n_ij(n_ij - 1) over
     * n_i(n_i - 1)) and the category shares are over all ratings, the usual generalization for varying numbers.
     * Units with fewer than two ratings are left out.
     */
    public static Double fleissKappa(List<Map<String, Integer>> units) {
        double agreementSum = 0, total = 0;
        int pairable = 0;
        Map<String, Double> perCategory = new HashMap<>();
        for (Map<String, Integer> unit : units) {
            int n = unit.values().stream().mapToInt(Integer::intValue).sum();
            if (n < 2) continue;
            double agreeing = 0;
            for (int c : unit.values()) agreeing += (double) c * (c - 1);
            agreementSum += agreeing / ((double) n * (n - 1));
            pairable++;
            total += n;
            unit.forEach((category, c) -> perCategory.merge(category, (double) c, Double::sum));
        }
        if (pairable == 0) return null;
        double observed = agreementSum / pairable, expected = 0;
        for (double c : perCategory.values()) expected += (c / total) * (c / total);
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /**
     * Krippendorff's alpha for nominal data with missing values (Krippendorff 2011, "Computing Krippendorff's
     * Alpha-Reliability"): each unit lists the values it received (any number of raters; a missing rating is simply
     * absent). Units with fewer than two values are not pairable and left out. alpha = 1 - D_o / D_e over the
     * coincidence matrix: 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1) / (n^2 - sum_c n_c^2).
     */
    public static Double krippendorffAlphaNominal(List<List<String>> units) {
        double disagreeing = 0;
        long n = 0;
        Map<String, Long> perCategory = new HashMap<>();
        for (List<String> unit : units) {
            int m = unit.size();
            if (m < 2) continue;
            Map<String, Long> counts = new HashMap<>();
            for (String v : unit) counts.merge(v, 1L, Long::sum);
            double sameSquares = 0;
            for (long c : counts.values()) sameSquares += (double) c * c;
            disagreeing += ((double) m * m - sameSquares) / (m - 1);
            n += m;
            counts.forEach((v, c) -> perCategory.merge(v, c, Long::sum));
        }
        if (n < 2) return null;
        double expectedPairs = (double) n * n;
        for (long c : perCategory.values()) expectedPairs -= (double) c * c;
        return expectedPairs <= 0 ? null : 1 - (n - 1) * disagreeing / expectedPairs;
    }
}
