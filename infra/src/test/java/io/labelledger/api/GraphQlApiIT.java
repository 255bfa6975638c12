package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The API through the real HTTP stack, against real PostgreSQL and Redis. */
class GraphQlApiIT extends IntegrationTest {
    static final String CHOICE_POSITIVE = """
            [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive"]}}]""";

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
        return user.createProject("Sentiment", config);
    }

    GraphQlTester.Response importTasks(ApiClient user, String projectId, String json, String mode) {
        return user.importTasks(projectId, json, null, mode);
    }

    List<String> taskIds(ApiClient user, String projectId, int expected) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> user.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 100) { edges { node { id } } } } }")
                .variable("id", projectId).execute()
                .path("project.tasks.edges").entityList(Object.class).get().size() == expected);
        return user.graphql().document("query($id: ID!) { project(id: $id) { tasks(first: 100) { edges { node { id } } } } }")
                   .variable("id", projectId).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get();
    }

    GraphQlTester.Response submit(ApiClient user, String taskId, String resultJson) {
        return user.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) {
                          submitAnnotation(input: $i) { annotation { id } errors { code field message } } }""")
                   .variable("i", Map.of("taskId", taskId, "result", parse(resultJson), "leadTimeSeconds", 4.5)).execute();
    }

    static Object parse(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Object.class);
    }

    @Test
    void labelingFlowShowsInDataManagerAuditLogAndHistory() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, """
                [{"data":{"text":"I love it"}},{"data":{"text":"Terrible"},"predictions":[{"model_version":"v1","score":0.9,
                  "result":[{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Negative"]}}]}]},
                 {"text":"bare data object"}]""", "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        List<String> tasks = taskIds(ann, projectId, 3);
        Instant beforeAnnotation = Instant.now();

        String annotationId = submit(ann, tasks.get(0), CHOICE_POSITIVE)
                .path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
                .path("submitAnnotation.annotation.id").entity(String.class).get();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> ann.graphql().document("""
                        query($id: ID!) { task(id: $id) { annotationCount completed annotations { id author { displayName } } } }""")
                .variable("id", tasks.get(0)).execute()
                .path("task.annotationCount").entity(Integer.class).isEqualTo(1)
                .path("task.completed").entity(Boolean.class).isEqualTo(true)
                .path("task.annotations[0].author.displayName").entity(String.class).isEqualTo("Ann"));

        ann.graphql().document("query($id: ID!) { task(id: $id) { predictionCount predictions { modelVersion score } } }")
           .variable("id", tasks.get(1)).execute()
           .path("task.predictionCount").entity(Integer.class).isEqualTo(1)
           .path("task.predictions[0].modelVersion").entity(String.class).isEqualTo("v1");

        // next task skips what I annotated
        ann.graphql().document("query($p: ID!) { nextTask(projectId: $p) { id } }").variable("p", projectId).execute()
           .path("nextTask.id").entity(String.class).isEqualTo(tasks.get(1));

        // the audit log names who did what, from where
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            var entries = ann.graphql().document("""
                            { auditLog(first: 50) { edges { node { eventType aggregateId clientIp actor { id displayName } hash } } } }""")
                             .execute().path("auditLog.edges[*].node").entityList(Map.class).get();
            assertThat(entries).extracting(e -> e.get("eventType"))
                               .contains("OrganizationCreated", "ProjectCreated", "TasksImported", "TaskImported", "AnnotationSubmitted");
            Map<?, ?> submitted = entries.stream().filter(e -> "AnnotationSubmitted".equals(e.get("eventType"))).findFirst().orElseThrow();
            assertThat(submitted.get("clientIp")).isEqualTo("127.0.0.1");
            assertThat(((Map<?, ?>) submitted.get("actor")).get("displayName")).isEqualTo("Ann");
        });

        // as of before the annotation, the task had none; now it has one
        ann.graphql().document("query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { annotations { id } number } }")
           .variable("id", tasks.get(0)).variable("t", beforeAnnotation.toString()).execute()
           .path("taskAsOf.annotations").entityList(Object.class).hasSize(0);
        ann.graphql().document("query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { annotations { id } } }")
           .variable("id", tasks.get(0)).variable("t", Instant.now().plusSeconds(1).toString()).execute()
           .path("taskAsOf.annotations[0].id").entity(String.class).isEqualTo(annotationId);
        ann.graphql().document("query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { number } }")
           .variable("id", tasks.get(0)).variable("t", "2000-01-01T00:00:00Z").execute()
           .path("taskAsOf").valueIsNull();
    }

    @Test
    void updateDeleteAndSkipFollowTheRules() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, "[{\"text\":\"a\"},{\"text\":\"b\"}]", "ALL_OR_NOTHING");
        List<String> tasks = taskIds(ann, projectId, 2);
        String annotationId = submit(ann, tasks.get(0), CHOICE_POSITIVE).path("submitAnnotation.annotation.id").entity(String.class).get();

        submit(ann, tasks.get(0), CHOICE_POSITIVE).path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("ALREADY_ANNOTATED");
        ann.graphql().document("""
                        mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { annotation { id } errors { code } } }""")
           .variable("i", Map.of("taskId", tasks.get(0), "annotationId", annotationId,
                   "result", parse(CHOICE_POSITIVE.replace("Positive", "Neutral"))))
           .execute().path("updateAnnotation.errors").entityList(Object.class).hasSize(0);
        ann.graphql().document("""
                        mutation($i: DeleteAnnotationInput!) { deleteAnnotation(input: $i) { errors { code } } }""")
           .variable("i", Map.of("taskId", tasks.get(0), "annotationId", annotationId))
           .execute().path("deleteAnnotation.errors").entityList(Object.class).hasSize(0);
        ann.graphql().document("""
                        mutation($i: SkipTaskInput!) { skipTask(input: $i) { errors { code } } }""")
           .variable("i", Map.of("taskId", tasks.get(1)))
           .execute().path("skipTask.errors").entityList(Object.class).hasSize(0);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            ann.graphql().document("query($id: ID!) { task(id: $id) { annotationCount completed } }")
               .variable("id", tasks.get(0)).execute()
               .path("task.annotationCount").entity(Integer.class).isEqualTo(0)
               .path("task.completed").entity(Boolean.class).isEqualTo(false);
            ann.graphql().document("query($id: ID!) { task(id: $id) { skipCount } }")
               .variable("id", tasks.get(1)).execute()
               .path("task.skipCount").entity(Integer.class).isEqualTo(1);
        });
        // deleted annotation is gone from the task; the skipped task is not offered again
        ann.graphql().document("query($p: ID!) { nextTask(projectId: $p) { id } }").variable("p", projectId).execute()
           .path("nextTask.id").entity(String.class).isEqualTo(tasks.get(0));
    }

    @Test
    void badLabelingConfigsAreTypedErrorsAndWriteNothing() {
        long before = events();
        for (String config : List.of("<View><Text name='t' value='$t'/>",  // malformed
                "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><View><Text name=\"t\" value=\"&x;\"/>"
                + "<Choices name=\"c\" toName=\"t\"><Choice value=\"a\"/></Choices></View>", // XXE
                "<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"nowhere\"><Choice value=\"a\"/></Choices></View>")) {
            ann.graphql().document("""
                            mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code field message } } }""")
               .variable("i", Map.of("title", "Broken", "labelConfig", config)).execute()
               .path("createProject.project").valueIsNull()
               .path("createProject.errors[0].code").entity(String.class).isEqualTo("INVALID_LABEL_CONFIG")
               .path("createProject.errors[0].field[0]").entity(String.class).isEqualTo("labelConfig")
               .path("createProject.errors[0].message").entity(String.class).satisfies(m -> assertThat(m).doesNotContain("root:"));
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unauthenticatedCallsAreRefusedAndWriteNothing() {
        long before = events();
        ApiClient.web(port).post().uri("/graphql").header("Content-Type", "application/json")
                 .bodyValue(Map.of("query", "mutation { createProject(input: {title: \"x\", labelConfig: \"<View/>\"}) { errors { code } } }"))
                 .exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).post().uri("/graphql").header("Content-Type", "application/json")
                 .header("Authorization", "Bearer llt_not-a-real-token")
                 .bodyValue(Map.of("query", "{ me { id } }"))
                 .exchange().expectStatus().isUnauthorized();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anotherOrganizationsTaskIsNotFoundAndNothingIsWritten() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, "[{\"text\":\"secret\"}]", "ALL_OR_NOTHING");
        String task = taskIds(ann, projectId, 1).getFirst();
        ApiClient bob = ApiClient.signUp(port, "Bob");
        long before = events();

        submit(bob, task, CHOICE_POSITIVE).path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        bob.graphql().document("query($id: ID!) { task(id: $id) { id } project(id: $id) { id } }").variable("id", task).execute()
           .path("task").valueIsNull();
        bob.graphql().document("query($id: ID!) { project(id: $id) { id } }").variable("id", projectId).execute()
           .path("project").valueIsNull();
        importTasks(bob, projectId, "[{\"text\":\"x\"}]", "ALL_OR_NOTHING")
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        bob.graphql().document("query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { id } }")
           .variable("id", task).variable("t", Instant.now().toString()).execute()
           .path("taskAsOf").valueIsNull();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void importWithABrokenRecordNamesItAndHonoursTheMode() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        String json = "[{\"data\":{\"text\":\"ok\"}},{\"data\":{\"other\":\"no text field\"}},{\"data\":\"not an object\"},{\"text\":\"ok too\"}]";
        long before = events();
        importTasks(ann, projectId, json, "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(0)
                .path("importTasks.rejected[*].index").entityList(Integer.class).containsExactly(1, 2)
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("INVALID_IMPORT");
        assertThat(events()).isEqualTo(before);

        importTasks(ann, projectId, json, "SKIP_BAD")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2)
                .path("importTasks.rejected[*].index").entityList(Integer.class).containsExactly(1, 2);
        importTasks(ann, projectId, "{not json", "ALL_OR_NOTHING")
                .path("importTasks.errors[0].code").entity(String.class).isEqualTo("INVALID_IMPORT");
        taskIds(ann, projectId, 2);
    }

    @Test
    void tenThousandTasksImportInOneRequest() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) json.append(i == 0 ? "" : ",").append("{\"data\":{\"text\":\"review number ").append(i).append(" with words\"}}");
        json.append(']');
        assertThat(json.length()).isGreaterThan(400_000); // well past WebFlux's default 256 KiB buffer
        importTasks(ann, projectId, json.toString(), "ALL_OR_NOTHING")
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(10_000);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> ann.graphql().document("query($id: ID!) { project(id: $id) { taskCount tasks(first: 1, orderBy: {field: NUMBER, direction: DESC}) { edges { node { number } } } } }")
           .variable("id", projectId).execute()
           .path("project.taskCount").entity(Integer.class).isEqualTo(10_000)
           .path("project.tasks.edges[0].node.number").entity(Integer.class).isEqualTo(10_000));
    }

    @Test
    void resultsMustFitTheLabelingConfig() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        importTasks(ann, projectId, "[{\"text\":\"a\"}]", "ALL_OR_NOTHING");
        String task = taskIds(ann, projectId, 1).getFirst();
        long before = events();
        submit(ann, task, CHOICE_POSITIVE.replace("Positive", "Ecstatic"))
                .path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("INVALID_RESULT")
                .path("submitAnnotation.errors[0].field[0]").entity(String.class).isEqualTo("result");
        submit(ann, task, "{\"not\":\"a list\"}")
                .path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("INVALID_RESULT");
        submit(ann, "not-a-uuid", CHOICE_POSITIVE)
                .path("submitAnnotation.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void apiTokensAuthenticateScriptsUntilRevoked() {
        var created = ann.graphql().document("""
                        mutation { createApiToken(input: {name: "ci"}) { token apiToken { id name } errors { code } } }""")
                         .execute();
        String token = created.path("createApiToken.token").entity(String.class).get();
        String id = created.path("createApiToken.apiToken.id").entity(String.class).get();
        assertThat(token).startsWith("llt_");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Integer.class, token)).isZero(); // only the hash is kept

        HttpGraphQlTester script = ApiClient.withToken(port, token);
        // a token carries the role its user has in the directory projection, which may trail the sign-up briefly
        await().atMost(Duration.ofSeconds(10)).until(() -> ApiClient.web(port).post().uri("/graphql")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectBody(String.class).returnResult().getStatus().is2xxSuccessful());
        script.document("{ me { id organization { id } } }").execute()
              .path("me.id").entity(String.class).isEqualTo(ann.userId)
              .path("me.organization.id").entity(String.class).isEqualTo(ann.organizationId);

        ann.graphql().document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { revokedId errors { code } } }")
           .variable("id", id).execute().path("revokeApiToken.revokedId").entity(String.class).isEqualTo(id);
        ApiClient.web(port).post().uri("/graphql").header("Content-Type", "application/json")
                 .header("Authorization", "Bearer " + token).bodyValue(Map.of("query", "{ me { id } }"))
                 .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void overlyComplexQueriesAreRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 1100; i++) q.append(" a").append(i).append(": me { id }");
        q.append(" }");
        assertThat(ApiClient.classifications(ann.post(q.toString(), Map.of()))).containsExactly("TOO_MANY_ALIASES");
        ann.graphql().document("{ a: me { id } b: me { id } }").execute().path("a.id").entity(String.class).isEqualTo(ann.userId);
    }

    /** Issue 9, item 12: page sizes count, and aliases are limited; refused before anything runs. */
    @Test
    @SuppressWarnings("unchecked")
    void pageSizesMultiplyTheCostAndAliasesAreLimited() {
        String projectId = createProject(ann, ApiClient.TEXT_CONFIG);
        String page = "project(id: $p) { tasks(first: 200) { edges { node { id number data annotationCount } } } }";
        // one page of 200 rows is fine
        Map<String, Object> one = ann.post("query($p: ID!) { " + page + " }", Map.of("p", projectId));
        assertThat(one.get("errors")).isNull();
        assertThat(((Map<String, Object>) one.get("data")).get("project")).isNotNull();

        // 20 aliases (within the alias limit) of 200 rows each: 4,000 rows weigh more than the limit
        StringBuilder twenty = new StringBuilder("query($p: ID!) {");
        for (int i = 0; i < 20; i++) twenty.append(" a").append(i).append(": ").append(page);
        Map<String, Object> heavy = ann.post(twenty.append(" }").toString(), Map.of("p", projectId));
        assertThat(ApiClient.classifications(heavy)).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(heavy.get("data")).as("nothing executed").isNull();

        // the probe of the issue: 300 aliases of project { tasks(first: 200) } (60,000 rows) — refused before execution
        StringBuilder probe = new StringBuilder("query($p: ID!) {");
        for (int i = 0; i < 300; i++) probe.append(" a").append(i).append(": ").append(page);
        Map<String, Object> refused = ann.post(probe.append(" }").toString(), Map.of("p", projectId));
        assertThat(ApiClient.classifications(refused)).hasSize(1).first().isIn("TOO_MANY_ALIASES", "QUERY_TOO_COMPLEX");
        assertThat(refused.get("data")).isNull();
    }

}
