package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CoNLL 2003 export of a NER project (ADR 0011), through the real HTTP stack. */
class ConllExportIT extends IntegrationTest {
    static final String CONFIG = """
            <View><Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/><Label value="ORG"/></Labels>
              <Text name="text" value="$text"/></View>""";
    /** Task 1: two entities, punctuation and a multi-token span; task 2: no annotation; task 3: unicode, adjacent spans. */
    static final String TASKS = """
            [{"data": {"text": "John Smith visited New York."}, "annotations": [{"result": [
               {"from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":10,"text":"John Smith","labels":["PER"]}},
               {"from_name":"label","to_name":"text","type":"labels","value":{"start":19,"end":27,"text":"New York","labels":["LOC"]}}]}]},
             {"data": {"text": "Nothing here"}},
             {"data": {"text": "Zoë met Paris Berlin"}, "annotations": [{"result": [
               {"from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":3,"text":"Zoë","labels":["PER"]}},
               {"from_name":"label","to_name":"text","type":"labels","value":{"start":8,"end":13,"text":"Paris","labels":["LOC"]}},
               {"from_name":"label","to_name":"text","type":"labels","value":{"start":14,"end":20,"text":"Berlin","labels":["LOC"]}}]}]}]""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient ann;
    String projectId;

    String createProject(String config) {
        return ann.createProject("NER", config);
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @BeforeEach
    void nerProject() {
        ann = ApiClient.signUp(port, "Ann");
        projectId = createProject(CONFIG);
        ann.importAnnotated(projectId, TASKS, 3, 2);
    }

    WebTestClient.ResponseSpec download(ApiClient user, String project, String query) {
        return user.export(project, query);
    }

    String exported(String query) {
        byte[] body = download(ann, projectId, query).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("attachment;").contains("-conll2003.conll"))
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, v -> assertThat(v).startsWith("text/plain"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void exportsTokensWithBioTagsOfEachTask() {
        assertThat(exported("format=CONLL2003")).isEqualTo("""
                -DOCSTART- -X- O O

                John -X- _ B-PER
                Smith -X- _ I-PER
                visited -X- _ O
                New -X- _ B-LOC
                York -X- _ I-LOC
                . -X- _ O

                Nothing -X- _ O
                here -X- _ O

                Zoë -X- _ B-PER
                met -X- _ O
                Paris -X- _ B-LOC
                Berlin -X- _ B-LOC

                """);
        assertThat(exported("format=CONLL2003&onlyCompleted=true")).doesNotContain("Nothing").contains("Berlin -X- _ B-LOC\n");
    }

    @Test
    void anotherOrganizationGets404AndProjectsWithoutLabelsGet400() {
        ApiClient bob = ApiClient.signUp(port, "Bob");
        long before = events();
        download(bob, projectId, "format=CONLL2003").expectStatus().isNotFound();
        assertThat(events()).isEqualTo(before);

        String textProject = createProject(ApiClient.TEXT_CONFIG);
        long afterCreate = events();
        download(ann, textProject, "format=CONLL2003").expectStatus().isBadRequest();
        assertThat(events()).isEqualTo(afterCreate);

        exported("format=CONLL2003");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ann.graphql().document("""
                        { auditLog(first: 10, filter: {eventType: "ProjectExported"}) { edges { node { aggregateId payload } } } }""")
                .execute().path("auditLog.edges[0].node.payload.format").entity(String.class).isEqualTo("CONLL2003")
                .path("auditLog.edges[0].node.aggregateId").entity(String.class).isEqualTo(projectId));
    }
}
