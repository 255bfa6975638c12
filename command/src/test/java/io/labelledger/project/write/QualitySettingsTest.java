package io.labelledger.project.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ChangeQualitySettings;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.QualitySettings;
import io.labelledger.project.api.QualitySettings.ControlQuality;
import io.labelledger.project.api.QualitySettingsChanged;
import io.labelledger.quality.metrics.MetricSpec;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.labelledger.testing.DomainErrors.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-project agreement settings on the Project aggregate (issue 13, ADR 0049). */
class QualitySettingsTest {
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final UserId ALICE = new UserId("alice");
    static final String CONFIG = """
            <View><Image name="img" value="$image"/>
            <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels>
            <Choices name="scene" toName="img" choice="multiple"><Choice value="Street"/><Choice value="Park"/></Choices></View>""";
    static final ProjectCreated CREATED = new ProjectCreated(PROJECT, ORG, "Streets", "", CONFIG, 1, ALICE);
    static final QualitySettings F1_AND_JACCARD = new QualitySettings(Map.of(
            "box", new ControlQuality("f1", Map.of("iou_threshold", 0.7), 2, Map.of("Bus", 0.0)),
            "scene", new ControlQuality("jaccard", Map.of(), 1, Map.of())));

    AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource((io.labelledger.project.config.LabelUsage) (projectId, config) -> List.of());
    }

    static ChangeQualitySettings change(QualitySettings s) { return new ChangeQualitySettings(PROJECT, ORG, s, ALICE); }

    static QualitySettings one(String control, ControlQuality c) { return new QualitySettings(Map.of(control, c)); }

    @Test
    void aChangeRecordsAllSettingsWithTheNextVersion() {
        fixture.given(CREATED)
               .when(change(F1_AND_JACCARD))
               .expectEvents(new QualitySettingsChanged(PROJECT, ORG, F1_AND_JACCARD, 1, ALICE));
        QualitySettings back = QualitySettings.DEFAULTS;
        fixture.given(CREATED, new QualitySettingsChanged(PROJECT, ORG, F1_AND_JACCARD, 1, ALICE))
               .when(change(back))
               .expectEvents(new QualitySettingsChanged(PROJECT, ORG, back, 2, ALICE));
    }

    @Test
    void theSameSettingsAgainRecordNothing() {
        fixture.given(CREATED, new QualitySettingsChanged(PROJECT, ORG, F1_AND_JACCARD, 1, ALICE))
               .when(change(F1_AND_JACCARD))
               .expectNoEvents();
        fixture.given(CREATED).when(change(QualitySettings.DEFAULTS)).expectNoEvents();
    }

    @Test
    void controlsMetricsParametersAndLabelsAreTheConfigsOwn() {
        fixture.given(CREATED).when(change(one("nope", new ControlQuality(null, Map.of(), 1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.nope"));
        // a Choices control is not scored by IoU
        fixture.given(CREATED).when(change(one("scene", new ControlQuality("iou", Map.of(), 1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.scene.metric"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality("f1", Map.of("tolerance", 3.0), 1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.parameters"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality("f1", Map.of("iou_threshold", 1.5), 1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.parameters"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality(null, Map.of("iou_threshold", 0.5), 1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.parameters"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality(null, Map.of(), 1, Map.of("Truck", 2.0)))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.labelWeights"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality(null, Map.of(), -1, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.weight"));
        fixture.given(CREATED).when(change(one("box", new ControlQuality(null, Map.of(), Double.NaN, Map.of()))))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings.box.weight"));
        fixture.given(CREATED).when(change(null))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "settings"));
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        fixture.given(CREATED).when(new ChangeQualitySettings(PROJECT, new OrganizationId("org-2"), F1_AND_JACCARD, ALICE))
               .expectException(NotFound.class);
    }

    @Test
    void theSettingsBecomeTheMetricLibrarysSettings() {
        var s = F1_AND_JACCARD.toAgreementSettings();
        assertThat(s.control("box").metric()).isEqualTo(new MetricSpec("f1", Map.of("iou_threshold", 0.7)));
        assertThat(s.control("box").weight()).isEqualTo(2.0);
        assertThat(s.control("box").labelWeight("Bus")).isEqualTo(0.0);
        assertThat(s.control("scene").metric()).isEqualTo(MetricSpec.of("jaccard"));
        assertThat(s.control("other").metric()).isNull();
    }
}
