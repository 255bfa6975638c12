package io.labelledger.testing;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A signed-in user of the running application, talking to it over real HTTP. */
public final class ApiClient {
    public static final String TEXT_CONFIG = """
            <View><Text name="text" value="$text"/><Choices name="sentiment" toName="text" choice="single">
            <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/></Choices></View>""";

    public final String userId;
    public final String organizationId;
    public final String cookie;
    private final WebTestClient web;
    private final String baseUrl;

    private ApiClient(WebTestClient web, String baseUrl, String userId, String organizationId, String cookie) {
        this.web = web;
        this.baseUrl = baseUrl;
        this.userId = userId;
        this.organizationId = organizationId;
        this.cookie = cookie;
    }

    /**
     * One connection per request, closed after it: with the shared default pool, a response whose body a test never
     * reads keeps its pooled connection, and once such leaks fill the pool a later request waits for a connection
     * until the client's timeout (seen as rare 60 s "hangs" of unrelated tests).
     */
    private static final org.springframework.http.client.reactive.ReactorClientHttpConnector CONNECTOR =
            new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                    reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection()));

    public static WebTestClient web(int port) {
        return WebTestClient.bindToServer(CONNECTOR).baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    public static ApiClient signUp(int port, String name) {
        return signUpAndIn(port, name, Map.of("organizationName", name + " Labs"));
    }

    /** Signs up through an invitation link's token: joins the inviting organization. */
    public static ApiClient signUpWithInvitation(int port, String name, String invitation) {
        return signUpAndIn(port, name, Map.of("organizationName", "Ignored", "invitation", invitation));
    }

    /** Sign-up answers "sign in next" (ADR 0028): the session comes from the sign-in, as in the browser. */
    @SuppressWarnings("unchecked")
    private static ApiClient signUpAndIn(int port, String name, Map<String, Object> more) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        Map<String, Object> body = new HashMap<>(more);
        body.putAll(Map.of("email", email, "password", PASSWORD, "displayName", name));
        var result = web(port).post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                              .exchange().expectStatus().isAccepted()
                              .expectBody(Map.class).returnResult();
        if (!"SIGN_IN".equals(result.getResponseBody().get("next"))) throw new AssertionError("sign-up answered " + result.getResponseBody());
        return signIn(port, email, PASSWORD);
    }

    /** The password every test account signs up with. */
    public static final String PASSWORD = "correct horse battery";

    /** Signs in with email and password (our password, or the organization's directory when it answers for the email). */
    @SuppressWarnings("unchecked")
    public static ApiClient signIn(int port, String email, String password) {
        WebTestClient web = web(port);
        var result = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", password))
                        .exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        if (session == null) throw new AssertionError("no SESSION cookie in " + result.getResponseCookies());
        Map<String, Object> body = result.getResponseBody();
        return new ApiClient(web, "http://127.0.0.1:" + port, (String) body.get("userId"), (String) body.get("organizationId"), "SESSION=" + session.getValue());
    }

    /**
     * POST to a session endpoint (/api/session/...) with this user's cookie. On 200 the session now acts in another
     * organization (and has a new id): the answer is a client for it; otherwise null. {@code status} receives the code.
     */
    @SuppressWarnings("unchecked")
    public ApiClient session(String path, Map<String, Object> body, int[] status) {
        var result = web.post().uri(path).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                        .bodyValue(body).exchange().expectBody(Map.class).returnResult();
        status[0] = result.getStatus().value();
        if (status[0] != 200) return null;
        ResponseCookie renewed = result.getResponseCookies().getFirst("SESSION");
        Map<String, Object> answer = result.getResponseBody();
        return new ApiClient(web, baseUrl, (String) answer.get("userId"), (String) answer.get("organizationId"),
                renewed == null ? cookie : "SESSION=" + renewed.getValue());
    }

    /** Creates an invitation as this user; returns the secret token. */
    public String invite(String role) {
        return graphql().document("""
                        mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token errors { code } } }""")
                        .variable("i", Map.of("role", role)).execute()
                        .path("createInvitation.errors").entityList(Object.class).hasSize(0)
                        .path("createInvitation.token").entity(String.class).get();
    }

    /** Raw GraphQL over HTTP with this user's session: the JSON answer as a map (errors included). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> post(String document, Map<String, Object> variables) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                  .bodyValue(Map.of("query", document, "variables", variables))
                  .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    public HttpGraphQlTester graphql() {
        return HttpGraphQlTester.create(web.mutate().baseUrl(baseUrl + "/graphql")
                                           .defaultHeader(HttpHeaders.COOKIE, cookie).build());
    }

    /** Creates a project and returns its id (fails the test on any error). */
    public String createProject(String title, String labelConfig) {
        return graphql().document("""
                                mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code } } }""")
                        .variable("i", Map.of("title", title, "labelConfig", labelConfig))
                        .execute().path("createProject.errors").entityList(Object.class).hasSize(0)
                        .path("createProject.project.id").entity(String.class).get();
    }

    /** importTasks with the given file text; format may be null (the server's default, JSON). */
    public GraphQlTester.Response importTasks(String projectId, String text, String format, String mode) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", projectId, "json", text, "mode", mode));
        if (format != null) input.put("format", format);
        return graphql().document("""
                                mutation($i: ImportTasksInput!) {
                                  importTasks(input: $i) { importedCount rejected { index line reason } errors { code field message } } }""")
                        .variable("i", input).execute();
    }

    /** Imports Label Studio JSON that must be accepted whole, then waits until the project shows its annotations. */
    public void importAnnotated(String projectId, String tasksJson, int tasks, int annotations) {
        importTasks(projectId, tasksJson, "JSON", "ALL_OR_NOTHING")
                .path("importTasks.rejected").entityList(Object.class).hasSize(0)
                .path("importTasks.importedCount").entity(Integer.class).isEqualTo(tasks);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graphql()
                .document("query($id: ID!) { project(id: $id) { annotationCount } }").variable("id", projectId).execute()
                .path("project.annotationCount").entity(Integer.class).isEqualTo(annotations));
    }

    /** Adds a member to a project with a project role (ANNOTATOR or REVIEWER); fails the test on any error. */
    public void addProjectMember(String projectId, String userId, String role) {
        graphql().document("mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }")
                 .variable("i", Map.of("projectId", projectId, "userId", userId, "role", role)).execute()
                 .path("addProjectMember.errors").entityList(Object.class).hasSize(0);
    }

    /** The id of the project's first task once the Data Manager shows it (after an import). */
    public String firstTask(String projectId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> graphql()
                .document("query($p: ID!) { project(id: $p) { tasks(first: 1) { edges { node { id } } } } }")
                .variable("p", projectId).execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
    }

    /** One result item of {@link #TEXT_CONFIG}'s Choices. */
    public static Map<String, Object> choice(String value) {
        return Map.of("from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of(value)));
    }

    /** Submits an annotation with this result and returns its id; fails the test on any error. */
    public String submit(String taskId, List<Map<String, Object>> result) {
        return graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
                        .variable("i", Map.of("taskId", taskId, "result", result)).execute()
                        .path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
                        .path("submitAnnotation.annotation.id").entity(String.class).get();
    }

    /** The classification of each GraphQL error of a raw answer ({@link #post}), e.g. FORBIDDEN. */
    @SuppressWarnings("unchecked")
    public static List<String> classifications(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.getOrDefault("errors", List.of())).stream()
                .map(e -> String.valueOf(((Map<String, Object>) e.getOrDefault("extensions", Map.of())).get("classification"))).toList();
    }

    /** GET /api/projects/{id}/export?{query} with this user's session. */
    public WebTestClient.ResponseSpec export(String projectId, String query) {
        return web.get().uri("/api/projects/" + projectId + "/export?" + query).header(HttpHeaders.COOKIE, cookie).exchange();
    }

    public static HttpGraphQlTester anonymous(int port) {
        return HttpGraphQlTester.create(web(port).mutate().baseUrl("http://127.0.0.1:" + port + "/graphql").build());
    }

    public static HttpGraphQlTester withToken(int port, String token) {
        return HttpGraphQlTester.create(web(port).mutate().baseUrl("http://127.0.0.1:" + port + "/graphql")
                                                 .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    /**
     * Sets the project's "show other people's annotations" (Annotating settings; off is blind labeling, the default) and
     * waits until the project answers it; fails the test on any error.
     */
    public void showOthersAnnotations(String projectId, boolean show) {
        graphql().document("mutation($i: UpdateProjectSettingsInput!) { updateProjectSettings(input: $i) { errors { code } } }")
                 .variable("i", Map.of("projectId", projectId, "annotating", Map.of("showSkip", true, "allowEmptyAnnotations", false,
                         "revealPredictionsInteractively", false, "annotatorsSeeDataManager", true, "showOthersAnnotations", show)))
                 .execute().path("updateProjectSettings.errors").entityList(Object.class).hasSize(0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graphql()
                .document("query($id: ID!) { project(id: $id) { settings { annotating { showOthersAnnotations } } } }").variable("id", projectId)
                .execute().path("project.settings.annotating.showOthersAnnotations").entity(Boolean.class).isEqualTo(show));
    }
}
