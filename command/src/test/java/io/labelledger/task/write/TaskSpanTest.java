package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.InvalidResult;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.shared.ErrorCode;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.UpdateAnnotation;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.labelledger.testing.Configs.NER;
import static io.labelledger.testing.DomainErrors.error;
import static io.labelledger.testing.Json.json;

/** The task keeps its data so that span offsets are checked against the text it shows. */
class TaskSpanTest {
    static final TaskId TASK = new TaskId("task-1");
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final UserId ALICE = new UserId("alice");
    static final AnnotationId A1 = new AnnotationId("a-1");
    static final TaskImported IMPORTED = new TaskImported(TASK, PROJECT, ORG, new ImportId("import-1"), 1,
            json("{'text':'Jane works at Acme.'}"), List.of(), new UserId("manager"));

    AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        var config = new LabelingConfigParser().parse(NER);
        fixture.registerInjectableResource((LabelingConfigs) projectId -> new VersionedConfig(7, config));
        fixture.registerInjectableResource((io.labelledger.project.config.ProjectWorkflows) projectId -> io.labelledger.project.config.ProjectWorkflow.DEFAULT);
        fixture.registerInjectableResource((Workloads) (projectId, userId, except, at) -> 0);
    }

    static JsonNode span(int start, int end, String text) {
        return json("[{'id':'s1','from_name':'label','to_name':'text','type':'labels','value':{'start':" + start + ",'end':" + end
                + ",'text':'" + text + "','labels':['ORG']}}]");
    }

    @Test
    void aSpanOfTheTasksTextIsRecorded() {
        fixture.given(IMPORTED)
               .when(new SubmitAnnotation(TASK, ORG, A1, span(14, 18, "Acme"), 3.0, ALICE))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAnnotationRecordsTheConfigVersionItWasValidatedAgainst() {
        fixture.given(IMPORTED)
               .when(new SubmitAnnotation(TASK, ORG, A1, span(14, 18, "Acme"), 3.0, ALICE))
               .expectEvents(new AnnotationSubmitted(TASK, PROJECT, ORG, A1, span(14, 18, "Acme"), 3.0, ALICE, 7))
               .expectResultMessagePayload(7);
    }

    @Test
    void anUpdateRecordsTheConfigVersionCurrentAtTheUpdate() {
        fixture.given(IMPORTED, new AnnotationSubmitted(TASK, PROJECT, ORG, A1, span(14, 18, "Acme"), 3.0, ALICE, 2))
               .when(new UpdateAnnotation(TASK, ORG, A1, span(0, 4, "Jane"), 4.0, ALICE))
               .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, span(0, 4, "Jane"), 4.0, ALICE, 7));
    }

    @Test
    void aSpanPastTheEndOfTheTasksTextIsRefused() {
        fixture.given(IMPORTED)
               .when(new SubmitAnnotation(TASK, ORG, A1, span(14, 30, "Acme"), 3.0, ALICE))
               .expectNoEvents()
               .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "value", "end"));
    }

    @Test
    void aSpanWhoseTextIsNotTheTasksIsRefused() {
        fixture.given(IMPORTED)
               .when(new SubmitAnnotation(TASK, ORG, A1, span(14, 18, "Acne"), 3.0, ALICE))
               .expectNoEvents()
               .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "value", "text"));
    }
}
