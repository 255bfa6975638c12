package io.labelledger.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A thin client for the LabelLedger HTTP API: sign-up (cookie session) and GraphQL. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String TEXT_CLASSIFICATION_CONFIG = "<View><Text name=\"text\" value=\"$text\"/>"
            + "<Choices name=\"sentiment\" toName=\"text\"><Choice value=\"Positive\"/><Choice value=\"Negative\"/></Choices></View>";
    public static final String PASSWORD = "benchmark-password-123";

    private final HttpClient http;
    private final URI base;

    public Api(String baseUrl, int maxConnectionsHint) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder()
                              .version(HttpClient.Version.HTTP_1_1)
                              .connectTimeout(Duration.ofSeconds(10))
                              .build();
    }

    /** A signed-in user: its session cookie and ids. */
    public record Session(String cookie, String userId, String organizationId, String email) {}

    /** Signs up a new user (and its own organization, whose Owner it is). */
    public Session signUp(String label) throws IOException, InterruptedException {
        return signUp(label, null);
    }

    /** Signs up a new user; with an invitation token, into the inviting organization with the invitation's role. */
    public Session signUp(String label, String invitation) throws IOException, InterruptedException {
        String email = "bench-" + label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.example.org";
        ObjectNode body = JSON.createObjectNode();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", "Bench " + label);
        body.put("organizationName", "Bench org " + label);
        if (invitation != null) body.put("invitation", invitation);
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/auth/signup"))
                                     .timeout(Duration.ofSeconds(60))
                                     .header("Content-Type", "application/json")
                                     .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                     .build();
        HttpResponse<String> signedUp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (signedUp.statusCode() != 202) throw new IOException("sign-up answered " + signedUp.statusCode() + ": " + signedUp.body());
        // sign-up answers "sign in next" whether the email was new or not (ADR 0028): the session comes from the sign-in
        ObjectNode credentials = JSON.createObjectNode();
        credentials.put("email", email);
        credentials.put("password", PASSWORD);
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve("api/auth/login"))
                                                        .timeout(Duration.ofSeconds(60))
                                                        .header("Content-Type", "application/json")
                                                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(credentials)))
                                                        .build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IOException("sign-in after sign-up answered " + res.statusCode() + ": " + res.body());
        String cookie = null;
        for (String sc : res.headers().allValues("set-cookie")) {
            if (sc.startsWith("SESSION=")) cookie = sc.substring(0, sc.indexOf(';') < 0 ? sc.length() : sc.indexOf(';'));
        }
        if (cookie == null) throw new IOException("sign-in set no SESSION cookie; headers " + res.headers().map());
        JsonNode s = JSON.readTree(res.body());
        return new Session(cookie, s.path("userId").asString(), s.path("organizationId").asString(), email);
    }

    /** The answer of a GraphQL request. */
    public record Answer(int status, JsonNode body) {
        public JsonNode data() { return body.path("data"); }

        /** Top-level GraphQL errors and, for a mutation payload, its user errors. */
        public List<String> errors(String payloadField) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : body.path("errors")) out.add(e.path("message").asString());
            if (payloadField != null) {
                for (JsonNode e : data().path(payloadField).path("errors")) out.add(e.path("code").asString() + ": " + e.path("message").asString());
            }
            if (status != 200) {
                String b = body.toString();
                out.add("HTTP " + status + ": " + (b.length() > 300 ? b.substring(0, 300) + "..." : b));
            }
            return out;
        }
    }

    public Answer graphql(Session session, String query, Map<String, Object> variables, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        if (variables != null) body.set("variables", JSON.valueToTree(variables));
        return graphqlRaw(session, JSON.writeValueAsBytes(body), timeout);
    }

    public Answer graphqlRaw(Session session, byte[] body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("graphql"))
                                     .timeout(timeout)
                                     .header("Content-Type", "application/json")
                                     .header("Accept", "application/json")
                                     .header("Cookie", session.cookie())
                                     .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                     .build();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode node;
        try {
            node = res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (RuntimeException e) {
            node = JSON.createObjectNode().put("raw", new String(res.body(), StandardCharsets.UTF_8));
        }
        return new Answer(res.statusCode(), node);
    }

    /** Like {@link #graphql} but fails on any error. */
    public JsonNode graphqlOk(Session session, String query, Map<String, Object> variables, String payloadField)
            throws IOException, InterruptedException {
        // set-up and polling calls only: retry a server error twice (a transient 500 is reported, not hidden)
        for (int attempt = 1; ; attempt++) {
            Answer a = graphql(session, query, variables, Duration.ofSeconds(120));
            List<String> errors = a.errors(payloadField);
            if (errors.isEmpty()) return a.data();
            String msg = "GraphQL failed: " + errors + " for " + query.strip().split("\n")[0];
            if (a.status() < 500 || attempt >= 3) throw new IOException(msg);
            System.err.println("Retrying after: " + msg);
            Thread.sleep(1000);
        }
    }

    public String createProject(Session s, String title) throws IOException, InterruptedException {
        JsonNode d = graphqlOk(s, """
                mutation($in: CreateProjectInput!) { createProject(input: $in) { project { id } errors { code message } } }""",
                Map.of("in", Map.of("title", title, "labelConfig", TEXT_CLASSIFICATION_CONFIG)), "createProject");
        return d.path("createProject").path("project").path("id").asString();
    }

    /** Label Studio task JSON for tasks number {@code from}..{@code from+count-1}: short sentences of ~100 chars. */
    public static String tasksJson(int from, int count) {
        StringBuilder sb = new StringBuilder(count * 130);
        sb.append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(',');
            int n = from + i;
            sb.append("{\"data\":{\"text\":\"Benchmark review number ").append(n)
              .append(": the delivery was ").append(n % 3 == 0 ? "late but the product works" : "quick and the product is fine")
              .append(", would order again.\"}}");
        }
        return sb.append(']').toString();
    }

    public int importTasks(Session s, String projectId, String tasksJson, Duration timeout) throws IOException, InterruptedException {
        Answer a = graphql(s, """
                mutation($in: ImportTasksInput!) { importTasks(input: $in) { importedCount errors { code message } } }""",
                Map.of("in", Map.of("projectId", projectId, "json", tasksJson)), timeout);
        List<String> errors = a.errors("importTasks");
        if (!errors.isEmpty()) throw new IOException("importTasks failed: " + errors);
        return a.data().path("importTasks").path("importedCount").asInt();
    }

    public long projectTaskCount(Session s, String projectId) throws IOException, InterruptedException {
        JsonNode d = graphqlOk(s, "query($id: ID!) { project(id: $id) { taskCount annotationCount } }", Map.of("id", projectId), null);
        return d.path("project").path("taskCount").asLong();
    }

    /** The highest task number that has a Data Manager row (rows, not the project's counter: they trail it). */
    public long lastTaskNumberShown(Session s, String projectId) throws IOException, InterruptedException {
        JsonNode d = graphqlOk(s, "query($id: ID!) { project(id: $id) { tasks(first: 1, orderBy: {field: NUMBER, direction: DESC}) { edges { node { number } } } } }",
                Map.of("id", projectId), null);
        JsonNode edges = d.path("project").path("tasks").path("edges");
        return edges.isEmpty() ? 0 : edges.get(0).path("node").path("number").asLong();
    }

    /** All task ids of a project in number order, paging 200 at a time (bounded by {@code max}). */
    public List<String> taskIds(Session s, String projectId, int max) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < max / 200 + 2 && ids.size() < max; page++) {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("id", projectId);
            vars.put("after", after);
            JsonNode d = graphqlOk(s, """
                    query($id: ID!, $after: String) { project(id: $id) {
                      tasks(first: 200, after: $after, orderBy: {field: NUMBER, direction: ASC}) {
                        edges { node { id } } pageInfo { hasNextPage endCursor } } } }""", vars, null);
            JsonNode tasks = d.path("project").path("tasks");
            for (JsonNode e : tasks.path("edges")) ids.add(e.path("node").path("id").asString());
            if (!tasks.path("pageInfo").path("hasNextPage").asBoolean()) break;
            after = tasks.path("pageInfo").path("endCursor").asString();
        }
        return ids;
    }

    /** POST /api/projects/{id}/imports with the file streamed from disk as the raw body; returns the job id. */
    public String uploadImport(Session s, String projectId, java.nio.file.Path file, String format, String mode)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/projects/" + projectId + "/imports?format=" + format + "&mode=" + mode
                                                          + "&fileName=" + file.getFileName()))
                                     .timeout(Duration.ofMinutes(30))
                                     .header("Content-Type", "application/octet-stream")
                                     .header("Cookie", s.cookie())
                                     .POST(HttpRequest.BodyPublishers.ofFile(file))
                                     .build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 202) throw new IOException("upload answered " + res.statusCode() + ": " + res.body());
        return JSON.readTree(res.body()).path("id").asString();
    }

    /** The job's state and counts (state, readCount, importedCount, rejectedCount, error). */
    public JsonNode importJob(Session s, String jobId) throws IOException, InterruptedException {
        return graphqlOk(s, "query($id: ID!) { importJob(id: $id) { state readCount importedCount rejectedCount error } }",
                Map.of("id", jobId), null).path("importJob");
    }

    /** Streams GET /api/projects/{id}/export?format=... to nowhere; returns the bytes read and the X-Task-Count header. */
    public long[] export(Session s, String projectId, String format) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/projects/" + projectId + "/export?format=" + format))
                                     .timeout(Duration.ofMinutes(30)).header("Cookie", s.cookie()).GET().build();
        HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() != 200) throw new IOException("export answered " + res.statusCode());
        long bytes = 0;
        try (java.io.InputStream in = res.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) bytes += n;
        }
        long tasks = res.headers().firstValueAsLong("X-Task-Count").orElse(-1);
        return new long[] {bytes, tasks};
    }

    /** createExport (a background snapshot job); returns the job id. */
    public String createExport(Session s, String projectId, String format) throws IOException, InterruptedException {
        return createExport(s, projectId, format, Map.of());
    }

    /** With filters, e.g. {@code Map.of("asOf", "2026-11-24T01:00:00Z")}. */
    public String createExport(Session s, String projectId, String format, Map<String, Object> filters) throws IOException, InterruptedException {
        JsonNode payload = graphqlOk(s, "mutation($i: CreateExportInput!) { createExport(input: $i) { job { id } errors { code message } } }",
                Map.of("i", Map.of("projectId", projectId, "format", format, "filters", filters)), "createExport");
        return payload.path("createExport").path("job").path("id").asString();
    }

    /** The export job's state, counts and download address. */
    public JsonNode exportJob(Session s, String jobId) throws IOException, InterruptedException {
        return graphqlOk(s, "query($id: ID!) { exportJob(id: $id) { state totalTasks processedTasks writtenTasks fileBytes downloadUrl error } }",
                Map.of("id", jobId), null).path("exportJob");
    }

    /** Streams a GET (relative to the server) to nowhere; returns the bytes read. */
    public long download(Session s, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                                     .timeout(Duration.ofMinutes(30)).header("Cookie", s.cookie()).GET().build();
        HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() != 200) throw new IOException("download answered " + res.statusCode());
        long bytes = 0;
        try (java.io.InputStream in = res.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) bytes += n;
        }
        return bytes;
    }
}
