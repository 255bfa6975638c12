package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Task import in every format and Label Studio-compatible export, through the real HTTP stack. */
class ImportExportIT extends IntegrationTest {
    static final String IMAGE_CONFIG = """
            <View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels></View>""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient ann;

    @BeforeEach
    void signUp() {
        ann = ApiClient.signUp(port, "Ann");
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    String createProject(ApiClient user, String config) {
        return user.createProject("Formats", config);
    }

    GraphQlTester.Response importTasks(ApiClient user, String projectId, String text, String format, String mode) {
        return user.importTasks(projectId, text, format, mode);
    }

    List<Map> tasks(ApiClient user, String projectId) {
        return user.graphql().document("query($id: ID!) { project(id: $id) { tasks(first: 100) { edges { node { id number data annotationCount completed groundTruth } } } } }")
                   .variable("id", projectId).execute().path("project.tasks.edges[*].node").entityList(Map.class).get();
    }

    @Test
    void csvTsvTextAndNdjsonImportsFillTheDataFields() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, "text,source\n\"Great, really\",web\n\"two\nlines\",mail\n", "CSV", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        importTasks(ann, projectId, "text\tsource\nTabbed\tfile\n", "TSV", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        importTasks(ann, projectId, "line one\n\nline two\n", "TEXT", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        importTasks(ann, projectId, "{\"text\":\"nd\"}\n{\"data\":{\"text\":\"json\"}}\n", "NDJSON", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        assertThat(tasks(ann, projectId)).extracting(t -> (Object) ((Map<?, ?>) t.get("data")).get("text"))
                .containsExactly("Great, really", "two\nlines", "Tabbed", "line one", "line two", "nd", "json");
        assertThat(((Map<?, ?>) tasks(ann, projectId).getFirst().get("data")).get("source")).isEqualTo("web");
    }

    @Test
    void badRecordsAreReportedByLineAndAllOrNothingWritesNothing() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        long before = events();
        importTasks(ann, projectId, "text,n\na,1\nb\nc,3\n", "CSV", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(0)
                .path("importTasks.rejected[*].line").entityList(Integer.class).containsExactly(3)
                .path("importTasks.rejected[*].index").entityList(Integer.class).containsExactly(1)
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("INVALID_IMPORT");
        importTasks(ann, projectId, "text\n\"unclosed\n", "CSV", "SKIP_BAD")
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("INVALID_IMPORT");
        assertThat(events()).isEqualTo(before);
        importTasks(ann, projectId, "{\"text\":\"ok\"}\n{broken\n", "NDJSON", "SKIP_BAD")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1)
                .path("importTasks.rejected[0].line").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void urlListsFillTheImageField() {
        String projectId = createProject(ann, IMAGE_CONFIG);
        importTasks(ann, projectId, "https://example.com/cat.jpg\nftp://example.com/x.jpg\nhttps://example.com/dog.jpg\n", "URLS", "SKIP_BAD")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2)
                .path("importTasks.rejected[0].line").entity(Integer.class).isEqualTo(2);
        assertThat(tasks(ann, projectId)).extracting(t -> (Object) ((Map<?, ?>) t.get("data")).get("image"))
                .containsExactly("https://example.com/cat.jpg", "https://example.com/dog.jpg");
        String textProject = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, textProject, "https://example.com/cat.jpg\n", "URLS", "ALL_OR_NOTHING")
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("INVALID_IMPORT");
    }

    static final String LS_EXPORT = """
            [{"id": 101, "data": {"text": "Loved it"}, "meta": {},
              "annotations": [{"id": 9, "completed_by": 4, "lead_time": 12.5, "was_cancelled": false, "ground_truth": false,
                               "created_at": "2024-01-02T10:00:00.000000Z", "updated_at": "2024-01-02T10:00:00.000000Z",
                               "result": [{"id": "r1", "from_name": "sentiment", "to_name": "text", "type": "choices", "origin": "manual",
                                           "value": {"choices": ["Positive"]}}]}],
              "predictions": [{"model_version": "m1", "score": 0.75,
                               "result": [{"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Negative"]}}]}]},
             {"id": 102, "data": {"text": "Meh"}, "annotations": [], "predictions": []},
             {"id": 103, "data": {"text": "Hated it"},
              "annotations": [{"id": 10, "lead_time": 3.0, "ground_truth": true,
                               "result": [{"id": "r2", "from_name": "sentiment", "to_name": "text", "type": "choices", "origin": "manual",
                                           "value": {"choices": ["Negative"]}}]},
                              {"id": 11, "was_cancelled": true, "result": []}],
              "predictions": []}]""";

    @Test
    void annotationsInsideImportedTasksCountInTheDataManager() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, LS_EXPORT, "JSON", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        assertThat(tasks(ann, projectId)).extracting(t -> (Object) t.get("annotationCount")).containsExactly(1, 0, 1);
        assertThat(tasks(ann, projectId)).extracting(t -> (Object) t.get("completed")).containsExactly(true, false, true);
        ann.graphql().document("query($id: ID!) { project(id: $id) { completedCount annotationCount } }").variable("id", projectId).execute()
           .path("project.completedCount").entity(Integer.class).isEqualTo(2)
           .path("project.annotationCount").entity(Integer.class).isEqualTo(2);
        String first = (String) tasks(ann, projectId).getFirst().get("id");
        ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { author { id } leadTimeSeconds result } } }")
           .variable("id", first).execute()
           .path("task.annotations[0].author.id").entity(String.class).isEqualTo(ann.userId)
           .path("task.annotations[0].leadTimeSeconds").entity(Double.class).isEqualTo(12.5);

        // an annotation (or prediction) that does not fit the config rejects its record
        importTasks(ann, projectId, LS_EXPORT.replace("\"Negative\"]}}]}", "\"Furious\"]}}]}"), "JSON", "ALL_OR_NOTHING")
                .path("importTasks.rejected[*].index").entityList(Integer.class).containsExactly(0, 2);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    String importedProject(String json) {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, json, "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { completedCount } }").variable("id", projectId).execute()
                .path("project.completedCount").entity(Integer.class).isEqualTo(2));
        // the ground-truth marks follow their annotations (same transaction, possibly the projection's next batch)
        long marks = java.util.regex.Pattern.compile("\"ground_truth\"\\s*:\\s*true").matcher(json).results().count();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(tasks(ann, projectId)).filteredOn(t -> Boolean.TRUE.equals(t.get("groundTruth"))).hasSize((int) marks));
        return projectId;
    }

    org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec download(ApiClient user, String projectId, String query) {
        return user.export(projectId, query);
    }

    String exported(String projectId, String query) {
        return download(ann, projectId, query).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("attachment;"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Tasks as Label Studio export JSON, without ids, authors, times and cancelled annotations (ground_truth: false when absent). */
    static JsonNode normalized(String json) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode task : JSON.readTree(json)) {
            ObjectNode t = out.addObject();
            t.set("data", task.get("data"));
            ArrayNode annotations = t.putArray("annotations");
            for (JsonNode a : task.path("annotations")) {
                if (a.path("was_cancelled").asBoolean(false)) continue;
                annotations.addObject().set("result", a.get("result"));
                ((ObjectNode) annotations.get(annotations.size() - 1)).put("lead_time", a.get("lead_time").asDouble())
                        .put("ground_truth", a.path("ground_truth").asBoolean(false));
            }
            ArrayNode predictions = t.putArray("predictions");
            for (JsonNode p : task.path("predictions")) {
                predictions.addObject().put("model_version", p.path("model_version").asString(null))
                           .put("score", p.path("score").asDouble()).set("result", p.get("result"));
            }
        }
        return out;
    }

    @Test
    void aLabelStudioExportRoundTripsThroughImportAndExport() {
        String projectId = importedProject(LS_EXPORT);
        String json = exported(projectId, "format=JSON");
        assertThat(normalized(json)).isEqualTo(normalized(LS_EXPORT));
        JsonNode tasks = JSON.readTree(json);
        // completed_by: Label Studio's own value when it names no member (never re-attributed to the importer), else
        // the person's id and email as Label Studio's JSON export has it (read from the account now)
        String email = ann.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
        assertThat(tasks.get(0).get("annotations").get(0).get("completed_by").asInt()).isEqualTo(4);
        assertThat(JSON.convertValue(tasks.get(2).get("annotations").get(0).get("completed_by"), Map.class))
                .isEqualTo(Map.of("id", ann.userId, "email", email));
        assertThat(tasks).extracting(t -> t.get("id").asInt()).containsExactly(1, 2, 3);

        // and again: our export imports into a new project and exports the same
        String copy = importedProject(json);
        String copied = exported(copy, "format=JSON");
        assertThat(normalized(copied)).isEqualTo(normalized(LS_EXPORT));
        // and the people with it: the kept value stays, our {id, email} maps back to the member
        assertThat(JSON.readTree(copied).findValues("completed_by")).isEqualTo(JSON.readTree(json).findValues("completed_by"));

        assertThat(JSON.readTree(exported(projectId, "format=JSON&onlyCompleted=true"))).extracting(t -> t.get("id").asInt()).containsExactly(1, 3);
    }

    /**
     * Issue 9: an imported completed_by names the member with that email (who then is its author), and any other value
     * is exported as it was — never re-attributed to the importer — and kept out of the events.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anImportedCompletedByIsTheMemberWithThatEmailOrKeptAsItWas() throws Exception {
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        String bobEmail = bob.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        String result = "[{\"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": [\"Positive\"]}}]";
        String file = "[{\"data\": {\"text\": \"a\"}, \"annotations\": [{\"completed_by\": {\"id\": 17, \"email\": \"" + bobEmail.toUpperCase()
                      + "\"}, \"result\": " + result + "}]},"
                      + " {\"data\": {\"text\": \"b\"}, \"annotations\": [{\"completed_by\": \"stranger@elsewhere.test\", \"result\": " + result + "}]},"
                      + " {\"data\": {\"text\": \"c\"}, \"annotations\": [{\"completed_by\": {\"id\": 5, \"email\": \"other@elsewhere.test\","
                      + " \"first_name\": \"O\"}, \"result\": " + result + "}]}]";
        ann.importAnnotated(projectId, file, 3, 3);

        // the member is the author of the first; the importer holds the others
        List<Map> tasks = tasks(ann, projectId);
        List<String> authors = tasks.stream().map(t -> ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { author { id } } } }")
                .variable("id", t.get("id")).execute().path("task.annotations[0].author.id").entity(String.class).get()).toList();
        assertThat(authors).containsExactly(bob.userId, ann.userId, ann.userId);

        // the export: the member with their email, the others as Label Studio had them
        JsonNode exported = JSON.readTree(exported(projectId, "format=JSON"));
        assertThat(exported.findValues("completed_by").stream().map(n -> JSON.convertValue(n, Object.class)).toList()).containsExactly(
                Map.of("id", bob.userId, "email", bobEmail), "stranger@elsewhere.test",
                Map.of("id", 5, "email", "other@elsewhere.test", "first_name", "O"));
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(exported(projectId, "format=CSV"))).getRecords();
        int annotator = rows.getFirst().toList().indexOf("annotator"), email = rows.getFirst().toList().indexOf("annotator_email");
        assertThat(rows.subList(1, 4).stream().map(r -> r.get(annotator))).containsExactly(bob.userId, "stranger@elsewhere.test", "5");
        assertThat(rows.subList(1, 4).stream().map(r -> r.get(email))).containsExactly(bobEmail, "stranger@elsewhere.test", "other@elsewhere.test");

        // no event holds the emails; the member may change the annotation that is theirs now
        for (String personal : List.of("stranger@elsewhere.test", "other@elsewhere.test", bobEmail, bobEmail.toUpperCase())) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                    Long.class, personal)).as(personal).isZero();
        }
        ann.addProjectMember(projectId, bob.userId, "ANNOTATOR");
        String bobsTask = (String) tasks.getFirst().get("id");
        String bobsAnnotation = annotationOf(bobsTask);
        bob.graphql().document("mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", bobsTask, "annotationId", bobsAnnotation, "result", JSON.readValue(
                   result.replace("Positive", "Negative"), Object.class)))
           .execute().path("updateAnnotation.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void groundTruthIsImportedShownExportedAndFiltered() {
        String projectId = importedProject(LS_EXPORT);
        // the Data Manager: the third task has the ground truth, its annotation is it
        assertThat(tasks(ann, projectId)).extracting(t -> (Object) t.get("groundTruth")).containsExactly(false, false, true);
        String first = (String) tasks(ann, projectId).getFirst().get("id");
        String third = (String) tasks(ann, projectId).get(2).get("id");
        ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { groundTruth } } }").variable("id", third).execute()
           .path("task.annotations[*].groundTruth").entityList(Boolean.class).containsExactly(true);

        // the Data Manager filters by it: with ground truth the third task, without the other two
        for (boolean mark : List.of(true, false)) {
            ann.graphql().document("query($id: ID!, $gt: Boolean) { project(id: $id) { tasks(filter: {groundTruth: $gt}) { edges { node { number } } } } }")
               .variable("id", projectId).variable("gt", mark).execute()
               .path("project.tasks.edges[*].node.number").entityList(Integer.class).containsExactly(mark ? new Integer[]{3} : new Integer[]{1, 2});
        }

        // only ground truth: only the third task, with its ground-truth annotation
        JsonNode only = JSON.readTree(exported(projectId, "format=JSON&onlyGroundTruth=true"));
        assertThat(only).extracting(t -> t.get("id").asInt()).containsExactly(3);
        assertThat(only.get(0).get("annotations")).singleElement().satisfies(a -> assertThat(a.get("ground_truth").asBoolean()).isTrue());

        // unmark the third task's annotation, mark the first one's: the filter follows
        java.time.Instant beforeTheMove = java.time.Instant.now();
        String firstAnnotation = annotationOf(first);
        setGroundTruth(third, annotationOf(third), false).path("setGroundTruth.task.groundTruth").entity(Boolean.class).isEqualTo(false);
        setGroundTruth(first, firstAnnotation, true).path("setGroundTruth.task.groundTruth").entity(Boolean.class).isEqualTo(true);
        // updating the ground-truth annotation keeps the mark (the importer is its author)
        ann.graphql().document("""
                        mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { annotation { groundTruth } errors { code } } }""")
           .variable("i", Map.of("taskId", first, "annotationId", firstAnnotation, "result", JSON.readValue(
                   "[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Negative\"]}}]", Object.class)))
           .execute().path("updateAnnotation.errors").entityList(Object.class).hasSize(0)
           .path("updateAnnotation.annotation.groundTruth").entity(Boolean.class).isEqualTo(true);
        assertThat(JSON.readTree(exported(projectId, "format=JSON&onlyGroundTruth=true"))).extracting(t -> t.get("id").asInt()).containsExactly(1);
        // the third task "as of" before the move still shows its ground truth (folded from the event store)
        ann.graphql().document("query($id: ID!, $at: DateTime!) { taskAsOf(id: $id, asOf: $at) { annotations { groundTruth } } }")
           .variable("id", third).variable("at", beforeTheMove.toString()).execute()
           .path("taskAsOf.annotations[*].groundTruth").entityList(Boolean.class).containsExactly(true);
        ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { groundTruth } } }").variable("id", third).execute()
           .path("task.annotations[*].groundTruth").entityList(Boolean.class).containsExactly(false);

        // an unknown annotation is not found; so is another organization's task
        setGroundTruth(first, java.util.UUID.randomUUID().toString(), true).path("setGroundTruth.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        ApiClient bob = ApiClient.signUp(port, "Bob");
        bob.graphql().document("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", first, "annotationId", firstAnnotation, "groundTruth", false)).execute()
           .path("setGroundTruth.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    String annotationOf(String taskId) {
        return ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { id } } }").variable("id", taskId)
                  .execute().path("task.annotations[0].id").entity(String.class).get();
    }

    GraphQlTester.Response setGroundTruth(String taskId, String annotationId, boolean mark) {
        return ann.graphql().document("""
                        mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { task { groundTruth } errors { code } } }""")
                  .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "groundTruth", mark)).execute();
    }

    @Test
    void flatExportsHaveOneRowPerAnnotationAndOneColumnPerControl() throws Exception {
        String projectId = importedProject(LS_EXPORT);
        JsonNode min = JSON.readTree(exported(projectId, "format=JSON_MIN"));
        assertThat(min).hasSize(3);
        assertThat(min.get(0).get("text").asString()).isEqualTo("Loved it");
        assertThat(min.get(0).get("sentiment").asString()).isEqualTo("Positive");
        assertThat(min.get(0).get("annotator").asString()).isEqualTo("4"); // Label Studio's author, no member here: as it was
        assertThat(min.get(0).get("lead_time").asDouble()).isEqualTo(12.5);
        assertThat(min.get(1).has("sentiment")).isFalse();
        assertThat(min.get(2).get("sentiment").asString()).isEqualTo("Negative");

        for (String format : List.of("CSV", "TSV")) {
            String text = exported(projectId, "format=" + format);
            CSVFormat csv = "CSV".equals(format) ? CSVFormat.RFC4180 : CSVFormat.RFC4180.builder().setDelimiter('\t').get();
            List<CSVRecord> rows = csv.parse(new StringReader(text)).getRecords();
            assertThat(rows.getFirst().toList()).as(format)
                    .containsExactly("id", "text", "annotation_id", "annotator", "annotator_email", "lead_time", "created_at",
                            "updated_at", "review", "review_comment", "reviewer", "reviewer_email", "sentiment");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).toList()).element(1).isEqualTo("Loved it");
            assertThat(rows.get(1).get(12)).isEqualTo("Positive");
            assertThat(rows.get(2).get(0)).isEqualTo("2");
            assertThat(rows.get(2).get(12)).isEmpty();
            assertThat(rows.get(3).get(12)).isEqualTo("Negative");
        }
        String completedCsv = exported(projectId, "format=CSV&onlyCompleted=true");
        assertThat(CSVFormat.RFC4180.parse(new StringReader(completedCsv)).getRecords()).hasSize(3);
        download(ann, projectId, "format=XML").expectStatus().isBadRequest();
    }

    @Test
    void exportsAreAuditedAndAnotherOrganizationsProjectIsNotFound() {
        String projectId = importedProject(LS_EXPORT);
        ApiClient bob = ApiClient.signUp(port, "Bob");
        long before = events();
        download(bob, projectId, "format=JSON").expectStatus().isNotFound();
        download(bob, "00000000-0000-4000-8000-000000000000", "format=CSV").expectStatus().isNotFound();
        ApiClient.web(port).get().uri("/api/projects/" + projectId + "/export").exchange().expectStatus().isUnauthorized();
        assertThat(events()).isEqualTo(before);

        exported(projectId, "format=CSV&onlyCompleted=true");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map> entries = ann.graphql().document("""
                            { auditLog(first: 10, filter: {eventType: "ProjectExported"}) { edges { node { aggregateId actor { id } payload } } } }""")
                    .execute().path("auditLog.edges[*].node").entityList(Map.class).get();
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.get("aggregateId")).isEqualTo(projectId);
                assertThat(((Map<?, ?>) e.get("actor")).get("id")).isEqualTo(ann.userId);
                Map<?, ?> payload = (Map<?, ?>) e.get("payload");
                assertThat(payload.get("format")).isEqualTo("CSV");
                assertThat(payload.get("onlyCompleted")).isEqualTo(true);
                assertThat(payload.get("onlyGroundTruth")).isEqualTo(false);
                assertThat(((Number) payload.get("taskCount")).intValue()).isEqualTo(2);
            });
        });
    }

    GraphQlTester.Response changeConfig(String projectId, String config) {
        return ann.graphql().document("""
                        mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { labelConfigVersion } errors { code field message } } }""")
                  .variable("i", Map.of("projectId", projectId, "labelConfig", config)).execute();
    }

    @Test
    void aConfigChangeThatWouldOrphanUsedLabelsIsRefused() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, """
                [{"data":{"text":"so-so"},"annotations":[{"result":[{"from_name":"sentiment","to_name":"text","type":"choices",
                  "value":{"choices":["Neutral"]}}]}]}, {"data":{"text":"other"}}]""", "JSON", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        String withoutNeutral = ApiClient.TEXT_CONFIG.replace("<Choice value=\"Neutral\"/>", "");
        String renamedControl = ApiClient.TEXT_CONFIG.replace("name=\"sentiment\"", "name=\"mood\"");
        long before = events();
        changeConfig(projectId, withoutNeutral)
                .path("updateProject.errors[0].code").entity(String.class).isEqualTo("INVALID_LABEL_CONFIG")
                .path("updateProject.errors[0].field[0]").entity(String.class).isEqualTo("labelConfig");
        changeConfig(projectId, renamedControl)
                .path("updateProject.errors[0].code").entity(String.class).isEqualTo("INVALID_LABEL_CONFIG");
        assertThat(events()).isEqualTo(before);

        // adding a value orphans nothing
        changeConfig(projectId, ApiClient.TEXT_CONFIG.replace("<Choice value=\"Neutral\"/>", "<Choice value=\"Neutral\"/><Choice value=\"Mixed\"/>"))
                .path("updateProject.errors").entityList(Object.class).hasSize(0);

        // once the annotation using "Neutral" is gone, the value may go
        String task = (String) tasks(ann, projectId).getFirst().get("id");
        String annotation = ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { id } } }").variable("id", task)
                               .execute().path("task.annotations[0].id").entity(String.class).get();
        ann.graphql().document("mutation($i: DeleteAnnotationInput!) { deleteAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", task, "annotationId", annotation)).execute()
           .path("deleteAnnotation.errors").entityList(Object.class).hasSize(0);
        changeConfig(projectId, withoutNeutral).path("updateProject.errors").entityList(Object.class).hasSize(0);

        // a submitted annotation counts as well; updating it away from a value frees the value
        ann.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""")
           .variable("i", Map.of("taskId", task, "result", JSON.readValue(
                   "[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}]", Object.class)))
           .execute().path("submitAnnotation.errors").entityList(Object.class).hasSize(0);
        changeConfig(projectId, withoutNeutral.replace("<Choice value=\"Positive\"/>", ""))
                .path("updateProject.errors[0].code").entity(String.class).isEqualTo("INVALID_LABEL_CONFIG");
    }
}
