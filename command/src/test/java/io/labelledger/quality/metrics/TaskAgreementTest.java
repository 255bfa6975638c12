package io.labelledger.quality.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labelledger.quality.metrics.AgreementTestSupport.choices;
import static io.labelledger.quality.metrics.AgreementTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TaskAgreementTest {
    private static TaskAgreement.Annotation ann(String id, String author, String choice, boolean gt) {
        return new TaskAgreement.Annotation(id, author, json(choices(choice)), gt);
    }

    @Test void meanPairwiseOfThreeAnnotators() {
        // given A, A, B: pairs (1,2)=1, (1,3)=0, (2,3)=0 → 1/3
        var s = TaskAgreement.of(List.of(ann("1", "u1", "A", false), ann("2", "u2", "A", false), ann("3", "u3", "B", false)),
                List.of(), AgreementSettings.DEFAULTS);
        assertThat(s.agreement()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(s.pairs()).extracting(TaskAgreement.Pair::score).containsExactly(1.0, 0.0, 0.0);
        assertThat(s.modelAgreement()).isNull();
        assertThat(s.groundTruth()).isEmpty();
    }

    @Test void oneAnnotationHasNoAgreementYet() {
        var s = TaskAgreement.of(List.of(ann("1", "u1", "A", false)), List.of(), AgreementSettings.DEFAULTS);
        assertThat(s.agreement()).isNull();
        assertThat(s.pairs()).isEmpty();
    }

    @Test void predictionsAreScoredAgainstEveryAnnotation() {
        // the model says A; annotations A and B → (1 + 0)/2
        var s = TaskAgreement.of(List.of(ann("1", "u1", "A", false), ann("2", "u2", "B", false)),
                List.of(new TaskAgreement.Prediction("m1", json(choices("A")))), AgreementSettings.DEFAULTS);
        assertThat(s.modelAgreement()).isEqualTo(0.5);
    }

    @Test void annotationsAreScoredAgainstTheGroundTruth() {
        var s = TaskAgreement.of(List.of(ann("1", "u1", "A", true), ann("2", "u2", "A", false), ann("3", "u3", "B", false)),
                List.of(), AgreementSettings.DEFAULTS);
        assertThat(s.groundTruth()).extracting(g -> g.annotation().author() + "=" + g.score()).containsExactly("u2=1.0", "u3=0.0");
    }
}
