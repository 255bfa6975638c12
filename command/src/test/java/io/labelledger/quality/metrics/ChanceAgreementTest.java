package io.labelledger.quality.metrics;

import io.labelledger.quality.metrics.ChanceAgreement.ControlStatistics;
import io.labelledger.quality.metrics.ChanceAgreement.Rating;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.labelledger.quality.metrics.AgreementTestSupport.choices;
import static io.labelledger.quality.metrics.AgreementTestSupport.json;
import static io.labelledger.quality.metrics.AgreementTestSupport.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cohen's kappa, Fleiss' kappa and Krippendorff's alpha against published worked examples, then on results. */
class ChanceAgreementTest {

    @Test void cohensKappaOfTheTwoByTwoTextbookTable() {
        // the standard worked example (e.g. Wikipedia "Cohen's kappa"): 50 proposals, both Yes 20, A Yes/B No 5,
        // A No/B Yes 10, both No 15: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4
        assertThat(ChanceAgreement.cohensKappa(table(20, 5, 10, 15))).isCloseTo(0.4, within(1e-12));
        // the same article's second table (45, 15, 25, 15): p_o = 0.6, p_e = 0.54, kappa = 0.06 / 0.46
        assertThat(ChanceAgreement.cohensKappa(table(45, 15, 25, 15))).isCloseTo(0.06 / 0.46, within(1e-12));
    }

    @Test void cohensKappaEdgeCases() {
        assertThat(ChanceAgreement.cohensKappa(List.of())).isNull();
        // everyone always says Yes: expected agreement 1, kappa undefined (not 1, not NaN)
        assertThat(ChanceAgreement.cohensKappa(table(3, 0, 0, 0))).isNull();
        // perfect agreement with two categories is 1; systematic opposite answers are -1
        assertThat(ChanceAgreement.cohensKappa(table(4, 0, 0, 6))).isEqualTo(1.0);
        assertThat(ChanceAgreement.cohensKappa(table(0, 5, 5, 0))).isEqualTo(-1.0);
    }

    @Test void fleissKappaOfFleiss1971WorkedExample() {
        // 10 subjects, 14 raters, 5 categories (the worked example of Fleiss' kappa, e.g. Wikipedia):
        // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210
        int[][] rows = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                        {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        List<Map<String, Integer>> units = new ArrayList<>();
        for (int[] row : rows) {
            Map<String, Integer> counts = new HashMap<>();
            for (int c = 0; c < row.length; c++) if (row[c] > 0) counts.put("c" + (c + 1), row[c]);
            units.add(counts);
        }
        assertThat(ChanceAgreement.fleissKappa(units)).isCloseTo(0.20993, within(1e-5));
        assertThat(ChanceAgreement.fleissKappa(List.of())).isNull();
        assertThat(ChanceAgreement.fleissKappa(List.of(Map.of("a", 1)))).isNull();
    }

    @Test void krippendorffsAlphaOfKrippendorffsOwnExamples() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", C: four observers, 12 units, missing
        // values, nominal alpha = 0.743
        Integer[][] observers = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
                {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}};
        assertThat(ChanceAgreement.krippendorffAlphaNominal(units(observers))).isCloseTo(0.743, within(5e-4));
        // ibid., A: two observers, ten units, binary data: alpha = 0.095
        Integer[][] two = {{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}};
        assertThat(ChanceAgreement.krippendorffAlphaNominal(units(two))).isCloseTo(0.095, within(5e-4));
    }

    @Test void krippendorffsAlphaEdgeCases() {
        // no pairable unit (one value each), and one category only: undefined
        assertThat(ChanceAgreement.krippendorffAlphaNominal(List.of(List.of("a"), List.of("b")))).isNull();
        assertThat(ChanceAgreement.krippendorffAlphaNominal(List.of(List.of("a", "a"), List.of("a", "a")))).isNull();
        // full agreement on two categories
        assertThat(ChanceAgreement.krippendorffAlphaNominal(List.of(List.of("a", "a"), List.of("b", "b", "b")))).isEqualTo(1.0);
    }

    @Test void projectStatisticsFromResults() {
        // given three annotators' Choices on four tasks (Cid misses task 4), and a TextArea that is not categorical
        String text = "{'from_name':'note','to_name':'t','type':'textarea','value':{'text':['x']}}";
        List<Rating> ratings = new ArrayList<>();
        String[][] answers = {{"Pos", "Pos", "Pos"}, {"Neg", "Neg", "Pos"}, {"Pos", "Neg", "Neg"}, {"Neg", "Neg", null}};
        String[] people = {"ann", "bob", "cid"};
        for (int t = 0; t < answers.length; t++) {
            for (int p = 0; p < people.length; p++) {
                if (answers[t][p] == null) continue;
                String choice = choices(answers[t][p]);
                String result = list(choice.substring(1, choice.length() - 1), text);
                ratings.addAll(ChanceAgreement.ratings("t" + t, people[p], json(result)));
            }
        }
        // when
        List<ControlStatistics> stats = ChanceAgreement.of(ratings);
        // then one categorical control, four units, three raters; figures equal the formulas on the same table
        assertThat(stats).hasSize(1);
        ControlStatistics s = stats.getFirst();
        assertThat(s.control()).isEqualTo("c");
        assertThat(s.resultType()).isEqualTo("choices");
        assertThat(List.of(s.units(), s.raters(), s.categories())).containsExactly(4, 3, 2);
        assertThat(s.krippendorffAlpha()).isCloseTo(ChanceAgreement.krippendorffAlphaNominal(List.of(
                List.of("Pos", "Pos", "Pos"), List.of("Neg", "Neg", "Pos"), List.of("Pos", "Neg", "Neg"), List.of("Neg", "Neg"))), within(1e-12));
        // Ann–Bob: Pos/Pos, Neg/Neg, Pos/Neg, Neg/Neg: p_o = 3/4, p_e = 1/2·1/4 + 1/2·3/4 = 1/2, kappa = 1/2
        assertThat(s.cohensKappa()).extracting(ChanceAgreement.PairKappa::raterA, ChanceAgreement.PairKappa::raterB, ChanceAgreement.PairKappa::units)
                                   .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", "bob", 4),
                                                    org.assertj.core.groups.Tuple.tuple("ann", "cid", 3),
                                                    org.assertj.core.groups.Tuple.tuple("bob", "cid", 3));
        assertThat(s.cohensKappa().getFirst().kappa()).isCloseTo(0.5, within(1e-12));
        double mean = s.cohensKappa().stream().mapToDouble(ChanceAgreement.PairKappa::kappa).average().orElseThrow();
        assertThat(s.meanCohensKappa()).isCloseTo(mean, within(1e-12));
        assertThat(s.fleissKappa()).isNotNull();
    }

    @Test void multiSelectTaxonomyAndPairwiseAreOneCategoryEach() {
        List<Rating> a = ChanceAgreement.ratings("t", "ann", json(choices("B", "A")));
        assertThat(a).extracting(Rating::category).containsExactly("A | B");
        List<Rating> tax = ChanceAgreement.ratings("t", "ann", json(
                "[{'from_name':'tx','to_name':'t','type':'taxonomy','value':{'taxonomy':[['Animal','Cat']]}}]"));
        assertThat(tax).extracting(Rating::category).containsExactly("Animal / Cat");
        List<Rating> pair = ChanceAgreement.ratings("t", "ann", json(
                "[{'from_name':'cmp','to_name':'l,r','type':'pairwise','value':{'selected':'left'}}]"));
        assertThat(pair).extracting(Rating::category).containsExactly("left");
        // regions, numbers and empty results give no categorical rating
        assertThat(ChanceAgreement.ratings("t", "ann", json("[{'from_name':'r','to_name':'t','type':'rating','value':{'rating':3}}]"))).isEmpty();
        assertThat(ChanceAgreement.ratings("t", "ann", json("[]"))).isEmpty();
    }

    private static List<String[]> table(int yesYes, int yesNo, int noYes, int noNo) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < yesYes; i++) out.add(new String[] {"Yes", "Yes"});
        for (int i = 0; i < yesNo; i++) out.add(new String[] {"Yes", "No"});
        for (int i = 0; i < noYes; i++) out.add(new String[] {"No", "Yes"});
        for (int i = 0; i < noNo; i++) out.add(new String[] {"No", "No"});
        return out;
    }

    private static List<List<String>> units(Integer[][] observers) {
        List<List<String>> out = new ArrayList<>();
        for (int u = 0; u < observers[0].length; u++) {
            List<String> values = new ArrayList<>();
            for (Integer[] o : observers) if (o[u] != null) values.add(o[u].toString());
            out.add(values);
        }
        return out;
    }
}
