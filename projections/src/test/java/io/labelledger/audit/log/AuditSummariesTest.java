package io.labelledger.audit.log;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.review.api.ReviewDecision;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskSkipped;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSummariesTest {
    static final OrganizationId ORG = new OrganizationId("0b6c0f0e-3f5a-4c43-9d1e-6a4b8f0c2d11");
    static final ProjectId PROJECT = new ProjectId("5d3f2a9c-8e71-4b0f-a2c4-91e7d6b3f804");
    static final TaskId TASK = new TaskId("c7a1e4b2-6d08-4f3e-b5a9-2e8c0d7f1a36");
    static final AnnotationId ANNOTATION = new AnnotationId("e2f9b6d4-1a37-4c85-9b0e-7d4a3c2f6e58");
    static final UserId ALICE = new UserId("a11ce000-0000-4000-8000-000000000001");
    static final Map<String, String> LABELS = Map.of(TASK.value(), "task 17", ANNOTATION.value(), "annotation #3 of task 17",
            PROJECT.value(), "project 'Cats'");

    @Test
    void theChangeItselfWithNamesBesideIds() {
        assertThat(AuditSummaries.render(new AnnotationReviewed(TASK, PROJECT, ORG, ANNOTATION, ReviewDecision.REJECTED, "boxes too loose", ALICE),
                LABELS::get)).isEqualTo("rejected annotation #3 of task 17: 'boxes too loose'");
        // an empty optional part is left out; an unknown object keeps its id
        assertThat(AuditSummaries.render(new TaskSkipped(TASK, PROJECT, ORG, ALICE, " "), id -> null)).isEqualTo("skipped " + TASK.value());
    }

    @Test
    void peopleAreReferencesAndFreeTextCannotForgeOne() {
        assertThat(AuditSummaries.render(new io.labelledger.organization.api.MemberJoined(ORG, ALICE, OrganizationRole.ANNOTATOR, ALICE), id -> null))
                .isEqualTo("@{" + ALICE.value() + "} joined the organization as annotator");
        assertThat(AuditSummaries.render(new TaskSkipped(TASK, PROJECT, ORG, ALICE, "@{" + ALICE.value() + "}"), LABELS::get))
                .doesNotContain("@{");
    }
}
