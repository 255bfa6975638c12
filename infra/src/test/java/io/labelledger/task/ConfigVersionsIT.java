package io.labelledger.task;

import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each annotation records the labeling config version it was validated against, and the API hands out that
 * version's XML (ADR 0017); results that do not fit the config or the task's text are refused with nothing stored.
 */
class ConfigVersionsIT extends IntegrationTest {
    static final String V1 = """
            <View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/></Labels></View>""";
    static final String V2 = """
            <View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels></View>""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    ApiClient ann;
    String projectId;
    List<String> tasks;

    @BeforeEach
    void nerProjectWithTwoTasks() {
        ann = ApiClient.signUp(port, "Ann");
        projectId = ann.createProject("NER", V1);
        ann.importTasks(projectId, "[{\"text\":\"Jane works at Acme.\"},{\"text\":\"Bob met Acme.\"}]", "JSON", "ALL_OR_NOTHING")
           .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> taskIds().size() == 2);
        tasks = taskIds();
    }

    List<String> taskIds() {
        return ann.graphql().document("query($id: ID!) { project(id: $id) { tasks(first: 10, orderBy: {field: NUMBER, direction: ASC}) { edges { node { id } } } } }")
                  .variable("id", projectId).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get();
    }

    GraphQlTester.Response submit(String taskId, String label, int start, int end, String text) {
        Map<String, Object> item = Map.of("id", "s1", "from_name", "ner", "to_name", "text", "type", "labels",
                "value", Map.of("start", start, "end", end, "text", text, "labels", List.of(label)));
        return ann.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) {
                          submitAnnotation(input: $i) { annotation { id configVersion labelingConfig { version xml } } errors { code field message } } }""")
                  .variable("i", Map.of("taskId", taskId, "result", List.of(item))).execute();
    }

    long events() { return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class); }

    @Test
    void eachAnnotationKeepsTheConfigVersionItWasMadeWith() {
        submit(tasks.get(0), "PER", 0, 4, "Jane").path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
                .path("submitAnnotation.annotation.configVersion").entity(Integer.class).isEqualTo(1);
        ann.graphql().document("mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { labelConfigVersion } errors { code } } }")
           .variable("i", Map.of("projectId", projectId, "labelConfig", V2)).execute()
           .path("updateProject.errors").entityList(Object.class).hasSize(0)
           .path("updateProject.project.labelConfigVersion").entity(Integer.class).isEqualTo(2);

        submit(tasks.get(1), "ORG", 8, 12, "Acme").path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
                .path("submitAnnotation.annotation.configVersion").entity(Integer.class).isEqualTo(2)
                .path("submitAnnotation.annotation.labelingConfig.xml").entity(String.class).isEqualTo(V2);

        String query = "query($id: ID!) { task(id: $id) { annotations { configVersion labelingConfig { version xml controls { name options } } } } }";
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            ann.graphql().document(query).variable("id", tasks.get(0)).execute()
               .path("task.annotations[0].configVersion").entity(Integer.class).isEqualTo(1)
               .path("task.annotations[0].labelingConfig.version").entity(Integer.class).isEqualTo(1)
               .path("task.annotations[0].labelingConfig.xml").entity(String.class).isEqualTo(V1)
               .path("task.annotations[0].labelingConfig.controls[0].options").entityList(String.class).containsExactly("PER");
            ann.graphql().document(query).variable("id", tasks.get(1)).execute()
               .path("task.annotations[0].labelingConfig.version").entity(Integer.class).isEqualTo(2)
               .path("task.annotations[0].labelingConfig.controls[0].options").entityList(String.class).containsExactly("PER", "ORG");
        });
    }

    @Test
    void anotherOrganizationCannotReadTheConfigThroughAnAnnotation() {
        submit(tasks.get(0), "PER", 0, 4, "Jane").path("submitAnnotation.errors").entityList(Object.class).hasSize(0);
        ApiClient eve = ApiClient.signUp(port, "Eve");
        eve.graphql().document("query($id: ID!) { task(id: $id) { annotations { labelingConfig { xml } } } }")
           .variable("id", tasks.get(0)).execute().path("task").valueIsNull();
    }

    @Test
    void aSpanOutsideTheTasksTextIsRefusedAndNothingIsStored() {
        long before = events();

        submit(tasks.get(1), "PER", 8, 40, "Acme").path("submitAnnotation.annotation").valueIsNull()
                .path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("INVALID_RESULT")
                .path("submitAnnotation.errors[0].message").entity(String.class).satisfies(m -> assertThat(m).startsWith("result[0].value.end"));
        submit(tasks.get(1), "PER", 8, 12, "Acne").path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("INVALID_RESULT");

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPredictionOrImportedAnnotationOutsideItsTasksTextIsRejectedByRecord() {
        long before = events();
        String span = "{\"from_name\":\"ner\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":0,\"end\":30,\"labels\":[\"PER\"]}}";
        ann.importTasks(projectId, "[{\"data\":{\"text\":\"Short\"},\"predictions\":[{\"result\":[" + span + "]}]},"
                        + "{\"data\":{\"text\":\"Short\"},\"annotations\":[{\"result\":[" + span + "]}]}]", "JSON", "ALL_OR_NOTHING")
           .path("importTasks.importedCount").entity(Integer.class).isEqualTo(0)
           .path("importTasks.rejected[*].index").entityList(Integer.class).containsExactly(0, 1)
           .path("importTasks.rejected[0].reason").entity(String.class).satisfies(r -> assertThat(r).contains("predictions[0].result[0].value.end"));

        assertThat(events()).isEqualTo(before);
    }

    /**
     * An AnnotationSubmitted stored as revision 1 (before versions were kept): the aggregate reads it through the
     * upcaster, and the Data Manager gives it the version current at the event's time.
     */
    @Test
    void aStoredRevisionOneAnnotationGetsTheVersionCurrentAtItsTime() {
        String task = tasks.get(0);
        Map<String, Object> imported = jdbc.queryForMap(
                "SELECT time_stamp, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", task);
        ann.graphql().document("mutation($i: UpdateProjectInput!) { updateProject(input: $i) { errors { code } } }")
           .variable("i", Map.of("projectId", projectId, "labelConfig", V2)).execute()
           .path("updateProject.errors").entityList(Object.class).hasSize(0);
        String annotationId = java.util.UUID.randomUUID().toString();
        String payload = """
                {"taskId":"%s","projectId":"%s","organizationId":"%s","annotationId":"%s","result":[{"id":"s1","from_name":"ner",
                 "to_name":"text","type":"labels","value":{"start":0,"end":4,"labels":["PER"]}}],"leadTimeSeconds":2.0,"by":"%s"}"""
                .formatted(task, projectId, ann.organizationId, annotationId, ann.userId);
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, task);
        // stamped with the import's time: before the config change, so version 1 was current then
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                                payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Task', ?, ?, ?, '1', 'io.labelledger.task.api.AnnotationSubmitted', ?)""",
                task, next, java.util.UUID.randomUUID().toString(), imported.get("meta_data"),
                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), imported.get("time_stamp"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT config_version FROM dm_annotation WHERE annotation_id = ?", Integer.class, annotationId)).containsExactly(1));
        ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { configVersion labelingConfig { version xml } } } }")
           .variable("id", task).execute()
           .path("task.annotations[0].configVersion").entity(Integer.class).isEqualTo(1)
           .path("task.annotations[0].labelingConfig.xml").entity(String.class).isEqualTo(V1);
        // the write side folds the upcast event too: the author already holds an annotation on this task
        submit(task, "PER", 0, 4, "Jane").path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("ALREADY_ANNOTATED");
    }

    @Test
    void storedRevisionOneAnnotationEventsReadBackWithAnUnknownVersion() throws Exception {
        String golden = Files.readString(Path.of("..", "command", "src", "test", "resources", "golden", "AnnotationSubmitted.json"));
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(golden);
        var entry = new GenericDomainEventEntry<>("Task", "t-1", 0, "e-1", java.time.Instant.now(),
                node.get("type").asString(), node.get("revision").asString(), node.get("payload").toString().getBytes(), "{}".getBytes());

        var upcast = axon.upcasterChain().upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, eventSerializer))).toList();

        // to the newest revision: 2 added configVersion, 3 the integer id (ADR 0050)
        assertThat(upcast.get(0).getType().getRevision()).as("the application's upcaster chain raised the revision").isEqualTo("3");
        AnnotationSubmitted read = (AnnotationSubmitted) eventSerializer.deserialize(upcast.get(0).getData());
        assertThat(read.configVersion()).isNull();
        assertThat(read.intId()).isNull();
        assertThat(read.annotationId().value()).isEqualTo("e2f9b6d4-1a37-4c85-9b0e-7d4a3c2f6e58");
    }
}
