package io.labelledger.quality.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.labelledger.quality.metrics.AgreementTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationAndValuesTest {

    @Test void choicesDefaultToExactMatch() {
        // given two annotators, when they pick the same or different choices, then 1 or 0
        assertThat(between(choices("Positive"), choices("Positive"))).isEqualTo(1.0);
        assertThat(between(choices("Positive"), choices("Negative"))).isEqualTo(0.0);
        assertThat(between(choices("A", "B"), choices("B", "A"))).isEqualTo(1.0);
    }

    @Test void choicesJaccardCountsTheOverlap() {
        // {A,B} vs {B,C}: 1 common of 3 → 1/3
        assertThat(between(choices("A", "B"), choices("B", "C"), metric("c", MetricSpec.of("jaccard")))).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test void labelWeightsWeighJaccardAndZeroDropsAChoice() {
        // given B weighs 3: common weight 3 over union A(1)+B(3)+C(1) = 5 → 0.6
        var s = new AgreementSettings(Map.of("c", new ControlSettings(MetricSpec.of("jaccard"), 1, Map.of("B", 3.0))));
        assertThat(between(choices("A", "B"), choices("B", "C"), s)).isCloseTo(0.6, within(1e-9));
        // given C weighs 0, {A} vs {A,C} is an exact match
        var zero = new AgreementSettings(Map.of("c", new ControlSettings(null, 1, Map.of("C", 0.0))));
        assertThat(between(choices("A"), choices("A", "C"), zero)).isEqualTo(1.0);
    }

    @Test void taxonomyComparesWholePaths() {
        String a = "[{'from_name':'tx','to_name':'t','type':'taxonomy','value':{'taxonomy':[['Animal','Cat'],['Plant']]}}]";
        String b = "[{'from_name':'tx','to_name':'t','type':'taxonomy','value':{'taxonomy':[['Animal','Dog'],['Plant']]}}]";
        assertThat(between(a, b)).isEqualTo(0.0);
        assertThat(between(a, b, metric("tx", MetricSpec.of("jaccard")))).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(between(a, a)).isEqualTo(1.0);
    }

    @Test void emptyResultsAgreeAndAControlOnlyOneSideUsedScoresZero() {
        assertThat(between("[]", "[]")).isEqualTo(1.0);
        assertThat(between(choices("A"), "[]")).isEqualTo(0.0);
    }

    @Test void controlsCombineByTheirWeights() {
        // given choices agree (1) and a rating differs by 2 on a 1..5 scale (1 - 2/4 = 0.5); weights 1 and 3
        String a = "[{'from_name':'c','to_name':'t','type':'choices','value':{'choices':['A']}},"
                   + "{'from_name':'r','to_name':'t','type':'rating','value':{'rating':5}}]";
        String b = "[{'from_name':'c','to_name':'t','type':'choices','value':{'choices':['A']}},"
                   + "{'from_name':'r','to_name':'t','type':'rating','value':{'rating':3}}]";
        assertThat(between(a, b)).isCloseTo(0.75, within(1e-9));
        var s = new AgreementSettings(Map.of("r", new ControlSettings(null, 3, Map.of())));
        assertThat(between(a, b, s)).isCloseTo((1 + 3 * 0.5) / 4, within(1e-9));
        var off = new AgreementSettings(Map.of("r", new ControlSettings(null, 0, Map.of())));
        assertThat(Agreement.between(json(a), json(b), off).controls()).containsOnlyKeys("c");
    }

    @Test void textAreaUsesNormalizedLevenshteinOrExact() {
        String a = "[{'from_name':'tr','to_name':'t','type':'textarea','value':{'text':['kitten']}}]";
        String b = "[{'from_name':'tr','to_name':'t','type':'textarea','value':{'text':['sitting']}}]";
        // kitten → sitting: 3 edits, longer text 7 → 1 - 3/7
        assertThat(between(a, b)).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(between(a, b, metric("tr", MetricSpec.of("exact")))).isEqualTo(0.0);
        assertThat(between(a, a, metric("tr", MetricSpec.of("exact")))).isEqualTo(1.0);
    }

    @Test void numbersExactByDefaultDifferenceAndRelativeOnRequest() {
        String a = "[{'from_name':'n','to_name':'t','type':'number','value':{'number':8}}]";
        String b = "[{'from_name':'n','to_name':'t','type':'number','value':{'number':10}}]";
        assertThat(between(a, b)).isEqualTo(0.0);
        assertThat(between(a, b, metric("n", MetricSpec.of("difference", "scale", 4)))).isCloseTo(0.5, within(1e-9));
        assertThat(between(a, b, metric("n", MetricSpec.of("relative_difference")))).isCloseTo(0.8, within(1e-9));
    }

    @Test void dateTimesExactOrByDifferenceInSeconds() {
        String a = "[{'from_name':'d','to_name':'t','type':'datetime','value':{'datetime':'2026-01-01T00:00'}}]";
        String b = "[{'from_name':'d','to_name':'t','type':'datetime','value':{'datetime':'2026-01-01T06:00'}}]";
        assertThat(between(a, b)).isEqualTo(0.0);
        // 6 hours of a one-day scale → 0.75
        assertThat(between(a, b, metric("d", MetricSpec.of("difference")))).isCloseTo(0.75, within(1e-9));
    }

    @Test void rankerUsesKendallsTauMappedToZeroOne() {
        String a = "[{'from_name':'rk','to_name':'list','type':'ranker','value':{'ranker':{'_':['1','2','3']}}}]";
        String b = "[{'from_name':'rk','to_name':'list','type':'ranker','value':{'ranker':{'_':['1','3','2']}}}]";
        String rev = "[{'from_name':'rk','to_name':'list','type':'ranker','value':{'ranker':{'_':['3','2','1']}}}]";
        // one discordant pair of three: tau = (2 - 1)/3 → (1/3 + 1)/2 = 2/3
        assertThat(between(a, b)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(between(a, rev)).isCloseTo(0.0, within(1e-9));
        assertThat(between(a, a)).isEqualTo(1.0);
        // Spearman: d² = 0+1+1 = 2, rho = 1 - 6·2/(3·8) = 0.5 → 0.75
        assertThat(between(a, b, metric("rk", MetricSpec.of("spearman")))).isCloseTo(0.75, within(1e-9));
    }

    @Test void pairwiseIsExact() {
        String l = "[{'from_name':'pw','to_name':'pw','type':'pairwise','value':{'selected':'left'}}]";
        String r = "[{'from_name':'pw','to_name':'pw','type':'pairwise','value':{'selected':'right'}}]";
        assertThat(between(l, l)).isEqualTo(1.0);
        assertThat(between(l, r)).isEqualTo(0.0);
    }

    @Test void unknownMetricNamesFallBackToTheDefault() {
        assertThat(ControlKind.CHOICES.resolve(MetricSpec.of("nonsense"))).isEmpty();
        assertThat(between(choices("A", "B"), choices("B", "C"), metric("c", MetricSpec.of("nonsense")))).isEqualTo(0.0);
    }
}
