package io.labelledger.quality.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.labelledger.quality.metrics.AgreementTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegionMetricsTest {

    @Test void boxesDefaultToLabelStudiosMeanBestIou() {
        // given (0,0,10,10) and (5,0,10,10): intersection 50, union 150 → 1/3
        assertThat(between(list(box("a", 0, 0, 10, 10, "Car")), list(box("b", 5, 0, 10, 10, "Car")))).isCloseTo(1 / 3.0, within(1e-9));
        // different labels never overlap
        assertThat(between(list(box("a", 0, 0, 10, 10, "Car")), list(box("b", 0, 0, 10, 10, "Bus")))).isEqualTo(0.0);
    }

    @Test void meanBestIsTheLowerOfBothDirections() {
        // given A has one box, B the same box and a far one: A→B = 1, B→A = (1 + 0)/2 → 0.5
        String a = list(box("a1", 0, 0, 10, 10, "Car"));
        String b = list(box("b1", 0, 0, 10, 10, "Car"), box("b2", 50, 50, 10, 10, "Car"));
        assertThat(between(a, b)).isCloseTo(0.5, within(1e-9));
    }

    @Test void f1MatchesBoxesOneToOneAtTheThreshold() {
        // given two boxes each; one pair overlaps fully, the other at IoU 1/3 (below 0.5): TP 1 → P = R = F1 = 0.5
        String a = list(box("a1", 0, 0, 10, 10, "Car"), box("a2", 50, 50, 10, 10, "Car"));
        String b = list(box("b1", 0, 0, 10, 10, "Car"), box("b2", 55, 50, 10, 10, "Car"));
        assertThat(between(a, b, metric("b", MetricSpec.of("f1", "iou_threshold", 0.5)))).isCloseTo(0.5, within(1e-9));
        // at a threshold of 0.3 both pairs count
        assertThat(between(a, b, metric("b", MetricSpec.of("f1", "iou_threshold", 0.3)))).isCloseTo(1.0, within(1e-9));
    }

    @Test void hungarianMatchingPrefersMorePairsOverGreedyBestIou() {
        // a1 overlaps b1 best (IoU 0.81) and b2 (0.6); a2 only b1 (0.6). Greedy takes a1-b1 and leaves a2 unmatched;
        // the one-to-one matching takes a1-b2 and a2-b1: two pairs → F1 = 1
        String a = list(box("a1", 0, 0, 10, 10, "Car"), box("a2", 2.5, 0, 10, 10, "Car"));
        String b = list(box("b1", 1, 0, 10, 10, "Car"), box("b2", -2.5, 0, 10, 10, "Car"));
        assertThat(between(a, b, metric("b", MetricSpec.of("f1", "iou_threshold", 0.5)))).isCloseTo(1.0, within(1e-9));
    }

    @Test void precisionAndRecallKeepTheirDirectionAgainstAReference() {
        // given the reference has one box, the candidate that box and a false one: precision 0.5, recall 1
        var ref = json(list(box("r", 0, 0, 10, 10, "Car")));
        var cand = json(list(box("c1", 0, 0, 10, 10, "Car"), box("c2", 60, 60, 10, 10, "Car")));
        assertThat(Agreement.against(ref, cand, metric("b", MetricSpec.of("precision"))).value()).isCloseTo(0.5, within(1e-9));
        assertThat(Agreement.against(ref, cand, metric("b", MetricSpec.of("recall"))).value()).isCloseTo(1.0, within(1e-9));
    }

    @Test void rotatedBoxesUseTheirTurnedCorners() {
        // a 10×10 box turned by 90° clockwise around its top-left corner covers x in [-10, 0]
        String turned = "[{'id':'a','from_name':'b','to_name':'img','type':'rectanglelabels','value':{'x':20,'y':0,'width':10,"
                        + "'height':10,'rotation':90,'rectanglelabels':['Car']}}]";
        assertThat(between(turned, list(box("b", 10, 0, 10, 10, "Car")))).isCloseTo(1.0, within(1e-9));
        assertThat(between(turned, list(box("b", 20, 0, 10, 10, "Car")))).isCloseTo(0.0, within(1e-9));
    }

    @Test void polygonsUseJtsIntersection() {
        // a triangle (0,0),(10,0),(0,10) of area 50 against the square (0,0,10,10) of area 100 → 0.5
        String tri = "[{'id':'p','from_name':'p','to_name':'img','type':'polygonlabels','value':{'points':[[0,0],[10,0],[0,10]],'polygonlabels':['Roof']}}]";
        String sq = "[{'id':'q','from_name':'p','to_name':'img','type':'polygonlabels','value':{'points':[[0,0],[10,0],[10,10],[0,10]],'polygonlabels':['Roof']}}]";
        assertThat(between(tri, sq)).isCloseTo(0.5, within(1e-9));
        // a self-crossing "bow tie" is repaired rather than refused
        String bow = "[{'id':'q','from_name':'p','to_name':'img','type':'polygonlabels','value':{'points':[[0,0],[10,10],[10,0],[0,10]],'polygonlabels':['Roof']}}]";
        assertThat(between(bow, sq)).isBetween(0.0, 1.0);
    }

    @Test void ellipsesOverlapByArea() {
        String a = "[{'id':'e','from_name':'e','to_name':'img','type':'ellipselabels','value':{'x':50,'y':50,'radiusX':10,'radiusY':5,'rotation':0,'ellipselabels':['Eye']}}]";
        String turned = "[{'id':'e','from_name':'e','to_name':'img','type':'ellipselabels','value':{'x':50,'y':50,'radiusX':5,'radiusY':10,'rotation':90,'ellipselabels':['Eye']}}]";
        String shifted = "[{'id':'e','from_name':'e','to_name':'img','type':'ellipselabels','value':{'x':80,'y':80,'radiusX':10,'radiusY':5,'rotation':0,'ellipselabels':['Eye']}}]";
        assertThat(between(a, a)).isCloseTo(1.0, within(1e-9));
        // the same ellipse described turned by 90°
        assertThat(between(a, turned)).isCloseTo(1.0, within(1e-6));
        assertThat(between(a, shifted)).isEqualTo(0.0);
    }

    @Test void keyPointsMatchWithinTheTolerance() {
        String a = "[{'id':'k','from_name':'k','to_name':'img','type':'keypointlabels','value':{'x':10,'y':10,'width':1,'keypointlabels':['Nose']}}]";
        String near = "[{'id':'k','from_name':'k','to_name':'img','type':'keypointlabels','value':{'x':13,'y':14,'width':1,'keypointlabels':['Nose']}}]";
        // distance 5: within a tolerance of 5 → matched (F1 1); soft: 1 - 5/10 at tolerance 10
        assertThat(between(a, near)).isEqualTo(1.0);
        assertThat(between(a, near, metric("k", MetricSpec.of("distance", "tolerance", 4)))).isEqualTo(0.0);
        assertThat(between(a, near, metric("k", MetricSpec.of("soft_distance", "tolerance", 10)))).isCloseTo(0.5, within(1e-9));
    }

    @Test void textSpansExactOverlapF1AndMeanIou() {
        // [0,10) vs [5,10): IoU 0.5
        String a = list(span("a", 0, 10, "PER"));
        String b = list(span("b", 5, 10, "PER"));
        assertThat(between(a, b)).isCloseTo(0.5, within(1e-9));
        assertThat(between(a, b, metric("l", MetricSpec.of("exact")))).isEqualTo(0.0);
        assertThat(between(a, a, metric("l", MetricSpec.of("exact")))).isEqualTo(1.0);
        assertThat(between(a, b, metric("l", MetricSpec.of("f1", "iou_threshold", 0.5)))).isEqualTo(1.0);
        assertThat(between(a, b, metric("l", MetricSpec.of("f1", "iou_threshold", 0.6)))).isEqualTo(0.0);
    }

    @Test void spanLabelWeightsWeighTheMean() {
        // PER spans agree (1), ORG spans do not (0); ORG weighs 3 → 1/4
        String a = list(span("a1", 0, 5, "PER"), span("a2", 10, 20, "ORG"));
        String b = list(span("b1", 0, 5, "PER"), span("b2", 30, 40, "ORG"));
        var s = new AgreementSettings(Map.of("l", new ControlSettings(null, 1, Map.of("ORG", 3.0))));
        assertThat(between(a, b, s)).isCloseTo(0.25, within(1e-9));
    }

    @Test void hyperTextSpansCompareOffsetsInsideTheSameNodes() {
        String a = "[{'id':'h','from_name':'h','to_name':'html','type':'hypertextlabels','value':{'start':'/p[1]','end':'/p[1]','startOffset':0,'endOffset':10,'hypertextlabels':['X']}}]";
        String b = "[{'id':'h','from_name':'h','to_name':'html','type':'hypertextlabels','value':{'start':'/p[1]','end':'/p[1]','startOffset':5,'endOffset':10,'hypertextlabels':['X']}}]";
        String other = "[{'id':'h','from_name':'h','to_name':'html','type':'hypertextlabels','value':{'start':'/p[2]','end':'/p[2]','startOffset':0,'endOffset':10,'hypertextlabels':['X']}}]";
        assertThat(between(a, b)).isCloseTo(0.5, within(1e-9));
        assertThat(between(a, other)).isEqualTo(0.0);
    }

    @Test void audioAndTimeSeriesRegionsUseOneDimensionalIou() {
        String a = "[{'id':'s','from_name':'ts','to_name':'ts0','type':'timeserieslabels','value':{'start':'2026-01-01T00:00:00Z','end':'2026-01-01T00:00:10Z','timeserieslabels':['Run']}}]";
        String b = "[{'id':'s','from_name':'ts','to_name':'ts0','type':'timeserieslabels','value':{'start':'2026-01-01T00:00:02Z','end':'2026-01-01T00:00:12Z','timeserieslabels':['Run']}}]";
        // overlap 8 s, union 12 s
        assertThat(between(a, b)).isCloseTo(8 / 12.0, within(1e-9));
        String audioA = "[{'id':'x','from_name':'al','to_name':'audio','type':'labels','value':{'start':1.0,'end':3.0,'labels':['Speech']}}]";
        String audioB = "[{'id':'y','from_name':'al','to_name':'audio','type':'labels','value':{'start':2.0,'end':3.0,'labels':['Speech']}}]";
        assertThat(between(audioA, audioB)).isCloseTo(0.5, within(1e-9));
    }

    @Test void videoRectanglesAverageIouOverFrames() {
        // A: the box (0,0,10,10) at frames 1..10; B: the same from frame 1, shifted by 5 from keyframe 6 on (IoU 1/3);
        // both end at 10 (B's last keyframe disables it after 10). Frames 1..5: 1, frames 6..10: 1/3 → (5 + 5/3)/10
        String a = "[{'id':'v','from_name':'v','to_name':'video','type':'videorectangle','value':{'labels':['Car'],'sequence':["
                   + "{'frame':1,'x':0,'y':0,'width':10,'height':10,'enabled':true},{'frame':10,'x':0,'y':0,'width':10,'height':10,'enabled':false}]}}]";
        String b = "[{'id':'w','from_name':'v','to_name':'video','type':'videorectangle','value':{'labels':['Car'],'sequence':["
                   + "{'frame':1,'x':0,'y':0,'width':10,'height':10,'enabled':true},{'frame':5,'x':0,'y':0,'width':10,'height':10,'enabled':false},"
                   + "{'frame':6,'x':5,'y':0,'width':10,'height':10,'enabled':true},{'frame':10,'x':5,'y':0,'width':10,'height':10,'enabled':false}]}}]";
        assertThat(between(a, b)).isCloseTo((5 + 5 / 3.0) / 10, within(1e-9));
    }

    @Test void relationsNeedBothEndsMatched() {
        String a = "[" + span("a1", 0, 5, "PER") + "," + span("a2", 10, 15, "ORG")
                   + ",{'type':'relation','from_id':'a1','to_id':'a2','direction':'right','labels':['works_for']}]";
        String same = "[" + span("b1", 0, 5, "PER") + "," + span("b2", 10, 15, "ORG")
                      + ",{'type':'relation','from_id':'b1','to_id':'b2','direction':'right','labels':['works_for']}]";
        String reversed = "[" + span("b1", 0, 5, "PER") + "," + span("b2", 10, 15, "ORG")
                          + ",{'type':'relation','from_id':'b2','to_id':'b1','direction':'right','labels':['works_for']}]";
        assertThat(Agreement.between(json(a), json(same), AgreementSettings.DEFAULTS).controls()).containsEntry("relations", 1.0);
        assertThat(Agreement.between(json(a), json(reversed), AgreementSettings.DEFAULTS).controls()).containsEntry("relations", 0.0);
        // spans agree (1), relations do not (0): the task scores 0.5
        assertThat(between(a, reversed)).isCloseTo(0.5, within(1e-9));
    }

    @Test void ocrCombinesIouAndTranscription() {
        // the same box; transcriptions "hello" vs "hallo" (1 edit of 5) → 1 × 0.8
        String a = "[" + box("r1", 0, 0, 10, 10, "Text") + ",{'id':'r1','from_name':'tr','to_name':'img','type':'textarea','value':{'text':['hello']}}]";
        String b = "[" + box("r2", 0, 0, 10, 10, "Text") + ",{'id':'r2','from_name':'tr','to_name':'img','type':'textarea','value':{'text':['hallo']}}]";
        var score = Agreement.between(json(a), json(b), AgreementSettings.DEFAULTS);
        assertThat(score.value()).isCloseTo(0.8, within(1e-9));
        assertThat(score.controls()).containsOnlyKeys("b");
    }

    @Test void aRegionWithNoMatchScoresZeroAndOneSideEmptyToo() {
        assertThat(between(list(box("a", 0, 0, 10, 10, "Car")), list(box("b", 50, 50, 10, 10, "Car")))).isEqualTo(0.0);
        assertThat(between(list(box("a", 0, 0, 10, 10, "Car")), "[]")).isEqualTo(0.0);
    }
}
