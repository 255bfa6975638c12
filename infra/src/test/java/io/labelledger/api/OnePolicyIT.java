package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketDisconnectedException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, items 2, 4, 8 and the refused-operation audit (ADR 0027), each as the attack that worked before: a
 * deactivated or demoted member on an open graphql-ws socket, a Manager downloading the export of a project that is
 * not theirs, nested fields and workspaces outside the caller's reach. Real HTTP, WebSocket, PostgreSQL and Redis.
 */
class OnePolicyIT extends IntegrationTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    // ---- item 2: graphql-ws keeps no user it should not -------------------------------------------------------

    @Test
    void aDeactivatedMembersSocketStopsDeliveringAndRefusesEveryOperationIncludingCreateApiToken() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Live", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        try (RawSocket socket = new RawSocket(port, ann.cookie)) {
            assertThat(socket.run("0", "{ me { id } }")).as("the socket works before").isEqualTo("OK");
            socket.subscribe("1", "subscription { taskChanged(projectId: \"" + project + "\") { id } }");
            Thread.sleep(1500); // the subscription reaches Redis

            assertThat(MembershipIT.errorCode(owner.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { errors { code } } }",
                    Map.of("i", Map.of("userId", ann.userId))), "deactivateMember")).isNull();

            // the open subscription ends: refused (FORBIDDEN) or its socket closed with 4403, never left delivering
            assertThat(socket.end("1")).isIn("FORBIDDEN", "CLOSED 4403");
            // every later operation on that connection is refused, minting a token above all
            assertThat(socket.run("2", "mutation { createApiToken(input: {name: \"after\"}) { token errors { code } } }")).isIn("FORBIDDEN", "CLOSED 4403");
            assertThat(socket.run("3", "{ project(id: \"" + project + "\") { id } }")).isIn("FORBIDDEN", "CLOSED 4403");
            // and the connection does not stay: it is closed with 4403
            assertThat(socket.closed.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4403);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE user_id = ?", Integer.class, ann.userId)).isZero();
        // a new connection with the old session is refused at the handshake
        assertThat(new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/graphql"),
                        headers(ann.cookie), session -> Mono.empty())
                .then(Mono.just(0)).onErrorResume(e -> Mono.just(handshakeStatus(e))).block(PATIENCE)).isEqualTo(401);
    }

    static HttpHeaders headers(String cookie) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, cookie);
        return h;
    }

    static int handshakeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException h && h.response() != null) {
                return h.response().status().code();
            }
        }
        return -1;
    }

    /**
     * graphql-ws (graphql-transport-ws) spoken by hand over one connection: no client library reconnecting behind the
     * test's back, every server message and the close code seen as they are.
     */
    static final class RawSocket implements AutoCloseable {
        static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
        final reactor.core.publisher.Sinks.Many<String> out = reactor.core.publisher.Sinks.many().unicast().onBackpressureBuffer();
        final java.util.concurrent.BlockingQueue<Map<String, Object>> in = new java.util.concurrent.LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final reactor.core.Disposable connection;

        RawSocket(int port, String cookie) throws Exception {
            org.springframework.web.reactive.socket.WebSocketHandler handler = new org.springframework.web.reactive.socket.WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() { return List.of("graphql-transport-ws"); }

                @Override
                @SuppressWarnings("unchecked")
                public Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession session) {
                    session.closeStatus().subscribe(status -> closed.complete(status.getCode()), e -> closed.complete(-1), () -> closed.complete(-1));
                    Mono<Void> receive = session.receive()
                            .doOnNext(m -> in.add(JSON.readValue(m.getPayloadAsText(), Map.class))).then();
                    return session.send(out.asFlux().map(session::textMessage)).and(receive);
                }
            };
            connection = new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/graphql"), headers(cookie), handler)
                                                         .subscribe(x -> {}, e -> closed.complete(-1));
            send(Map.of("type", "connection_init"));
            Map<String, Object> ack = in.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ack).as("connection_ack").isNotNull().containsEntry("type", "connection_ack");
        }

        void send(Map<String, Object> message) {
            out.tryEmitNext(JSON.writeValueAsString(message));
        }

        void subscribe(String id, String document) {
            send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document)));
        }

        /** OK, FORBIDDEN (a GraphQL error or a payload error with that code), another code, or CLOSED <code>. */
        @SuppressWarnings("unchecked")
        String run(String id, String document) throws Exception {
            if (closed.isDone()) return "CLOSED " + closed.get();
            subscribe(id, document);
            Map<String, Object> answer = next(id);
            if (answer == null) return "CLOSED " + closed.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            if (answer.get("type").equals("error")) return classification((List<Map<String, Object>>) answer.get("payload"));
            Map<String, Object> payload = (Map<String, Object>) answer.get("payload");
            List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.getOrDefault("errors", List.of());
            if (!errors.isEmpty()) return classification(errors);
            for (Object value : ((Map<String, Object>) payload.get("data")).values()) {
                if (value instanceof Map<?, ?> p && p.get("errors") instanceof List<?> userErrors && !userErrors.isEmpty()) {
                    return String.valueOf(((Map<?, ?>) userErrors.getFirst()).get("code"));
                }
            }
            return "OK";
        }

        /** How subscription {@code id} ended: FORBIDDEN, COMPLETED, or CLOSED <code>; fails if it delivered a row. */
        @SuppressWarnings("unchecked")
        String end(String id) throws Exception {
            Map<String, Object> message = next(id);
            if (message == null) return "CLOSED " + closed.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(message.get("type")).as("no row after the deactivation: " + message).isNotEqualTo("next");
            return message.get("type").equals("error") ? classification((List<Map<String, Object>>) message.get("payload")) : "COMPLETED";
        }

        /** The next message for {@code id}; null once the connection is closed. */
        Map<String, Object> next(String id) throws Exception {
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < until) {
                Map<String, Object> message = in.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (message != null && id.equals(message.get("id"))) return message;
                if (message == null && closed.isDone()) return null;
            }
            throw new AssertionError("no answer for " + id + " within " + PATIENCE);
        }

        @SuppressWarnings("unchecked")
        static String classification(List<Map<String, Object>> errors) {
            return errors.stream().map(e -> String.valueOf(((Map<String, Object>) e.getOrDefault("extensions", Map.of())).get("classification")))
                         .filter("FORBIDDEN"::equals).findFirst().orElse("ERROR " + errors);
        }

        @Override
        public void close() {
            connection.dispose();
        }
    }

    @Test
    void aDemotedMemberLosesTheirRightsOnAnOpenSocketAtOnce() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient adam = ApiClient.signUpWithInvitation(port, "Adam", owner.invite("ADMIN"));
        String project = owner.createProject("Not Adam's", ApiClient.TEXT_CONFIG); // Adam reaches it as an Admin only
        WebSocketGraphQlClient socket = socket(adam);
        try {
            CompletableFuture<Throwable> ended = endOf(socket.document("subscription($p: ID!) { taskChanged(projectId: $p) { id } }")
                                                            .variable("p", project).executeSubscription());
            assertThat(outcome(socket, "{ members { userId } }")).isEqualTo("OK");
            Thread.sleep(1500);

            assertThat(MembershipIT.errorCode(owner.post("mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { errors { code } } }",
                    Map.of("i", Map.of("userId", adam.userId, "role", "ANNOTATOR"))), "changeMemberRole")).isNull();

            // an Annotator who is no member of the project: the live rows stop with FORBIDDEN, without any new row
            assertThat(refusal(ended.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))).isEqualTo("FORBIDDEN");
            // and the same socket (still open: the role changed, the person is still a member) acts as an Annotator
            assertThat(outcome(socket, "{ members { userId } }")).isEqualTo("FORBIDDEN");
            assertThat(outcome(socket, "{ me { role } }")).isEqualTo("OK");
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    // ---- item 4: REST decides through the same policy ---------------------------------------------------------

    @Test
    void aManagerInNoProjectCannotDownloadAnotherProjectsExport() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient max = ApiClient.signUpWithInvitation(port, "Max", owner.invite("MANAGER"));
        String project = owner.createProject("Secret", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "[{\"text\":\"confidential\"}]", "JSON", "ALL_OR_NOTHING");

        // before: 200 with every task (the role alone was checked); GraphQL's createExport was FORBIDDEN all along
        max.export(project, "format=JSON").expectStatus().isForbidden();
        ApiClient.web(port).get().uri("/api/projects/" + project + "/media?url=https://example.org/a.png")
                 .header(HttpHeaders.COOKIE, max.cookie).exchange().expectStatus().isForbidden();
        assertThat(MembershipIT.errorCode(max.post("mutation($p: ID!) { createExport(input: {projectId: $p, format: JSON}) { errors { code } } }",
                Map.of("p", project)), "createExport")).isEqualTo("FORBIDDEN");

        // as a project member the same download works: the policy, not a blanket refusal
        owner.addProjectMember(project, max.userId, "ANNOTATOR");
        max.export(project, "format=JSON").expectStatus().isOk();
    }

    @Test
    void aManagerTakenOffTheProjectCannotDownloadTheirOldExportJob() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient max = ApiClient.signUpWithInvitation(port, "Max", owner.invite("MANAGER"));
        String project = owner.createProject("Was Max's", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, max.userId, "ANNOTATOR");
        owner.importTasks(project, "[{\"text\":\"a\"}]", "JSON", "ALL_OR_NOTHING");
        String job = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) max.post(
                "mutation($p: ID!) { createExport(input: {projectId: $p, format: JSON}) { job { id } errors { code } } }",
                Map.of("p", project)).get("data")).get("createExport")).get("job")).get("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "COMPLETED".equals(
                ((Map<?, ?>) ((Map<?, ?>) max.post("query($id: ID!) { exportJob(id: $id) { state } }", Map.of("id", job)).get("data"))
                        .get("exportJob")).get("state")));
        download(max, job).expectStatus().isOk();

        owner.post("mutation($i: ProjectMemberInput!) { removeProjectMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("projectId", project, "userId", max.userId)));

        await().atMost(PATIENCE).untilAsserted(() -> download(max, job).expectStatus().isForbidden());
    }

    // ---- item 8: nested fields and Query.workspace -------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void workspacesOutsideTheCallersReachAndTheirMembersStayHidden() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String workspace = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) owner.post(
                "mutation { createWorkspace(input: {name: \"Private\"}) { workspace { id } } }", Map.of()).get("data"))
                .get("createWorkspace")).get("workspace")).get("id");
        String project = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) owner.post(
                "mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }",
                Map.of("i", Map.of("title", "In it", "labelConfig", ApiClient.TEXT_CONFIG, "workspaceId", workspace))).get("data"))
                .get("createProject")).get("project")).get("id");
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        assertThat(owner.post("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }",
                Map.of("i", Map.of("workspaceId", workspace, "userIds", List.of(owner.userId)))).toString()).contains("errors=[]");

        // before: the workspace answered although Ann does not belong to it (a filter that was ignored)
        Map<String, Object> direct = ann.post("query($w: ID!) { workspace(id: $w) { id name } }", Map.of("w", workspace));
        assertThat(((Map<String, Object>) direct.get("data")).get("workspace")).isNull();
        assertThat(direct.get("errors")).isNull();

        // before: Project.workspace.members listed the people although Annotators may not list members
        Map<String, Object> nested = ann.post("query($p: ID!) { project(id: $p) { id workspace { id members { userId email } } } }",
                Map.of("p", project));
        Map<String, Object> ws = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) nested.get("data")).get("project")).get("workspace");
        assertThat(ws).containsEntry("id", workspace);
        assertThat((List<?>) ws.get("members")).isEmpty();
        assertThat(ApiClient.classifications(nested)).containsExactly("FORBIDDEN");

        // the owner sees them (the rule, not a broken field)
        Map<String, Object> own = owner.post("query($p: ID!) { project(id: $p) { workspace { members { userId } } } }", Map.of("p", project));
        assertThat(own.get("errors")).isNull();
        assertThat(own.toString()).contains(owner.userId);
    }

    // ---- refused operations in the audit log ---------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void refusedOperationsAreAuditedOncePerPersonAndOperationAMinute() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Audited", ApiClient.TEXT_CONFIG);
        for (int i = 0; i < 5; i++) {
            assertThat(ApiClient.classifications(ann.post("{ auditLog(first: 1) { edges { node { id } } } }", Map.of()))).containsExactly("FORBIDDEN");
        }
        ann.export(project, "format=JSON").expectStatus().isForbidden();

        List<Map<String, Object>> entries = await().atMost(PATIENCE).until(() -> (List<Map<String, Object>>) owner.graphql().document("""
                        query($a: ID!) { auditLog(first: 50, filter: {eventType: "OperationRefused", actorId: $a}) {
                          edges { node { actor { id } aggregateType payload } } } }""").variable("a", ann.userId)
                .execute().path("auditLog.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList(),
                list -> list.size() >= 2);
        assertThat(entries).extracting(e -> ((Map<String, Object>) e.get("payload")).get("operation"))
                           .containsExactlyInAnyOrder("Query.auditLog", "GET /api/projects/{id}/export");
        Map<String, Object> rest = entries.stream().filter(e -> ((Map<?, ?>) e.get("payload")).get("operation").toString().startsWith("GET")).findFirst().orElseThrow();
        assertThat((Map<String, Object>) rest.get("payload")).containsEntry("targetId", project).containsEntry("organizationId", owner.organizationId)
                                                           .containsEntry("by", ann.userId).containsKey("clientIp");
        assertThat(((Map<?, ?>) rest.get("actor")).get("id")).isEqualTo(ann.userId);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------


    org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec download(ApiClient user, String job) {
        return ApiClient.web(port).get().uri("/api/exports/" + job + "/download").header(HttpHeaders.COOKIE, user.cookie).exchange();
    }

    WebSocketGraphQlClient socket(ApiClient user) {
        return WebSocketGraphQlClient.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                     .headers(h -> h.add(HttpHeaders.COOKIE, user.cookie)).build();
    }

    /** Completes with how the subscription ended (null: it completed without an error); fails if it delivers a row. */
    static CompletableFuture<Throwable> endOf(Flux<ClientGraphQlResponse> subscription) {
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        subscription.subscribe(row -> end.completeExceptionally(new AssertionError("a row was delivered: " + row)),
                end::complete, () -> end.complete(null));
        return end;
    }

    static String refusal(Throwable ended) {
        if (ended instanceof SubscriptionErrorException e) {
            return e.getErrors().stream().anyMatch(err -> String.valueOf(err.getErrorType()).equals("FORBIDDEN")) ? "FORBIDDEN" : "ERROR " + e.getErrors();
        }
        if (ended instanceof WebSocketDisconnectedException d) return "CLOSED " + d.getCloseStatus().getCode();
        return "OTHER " + ended;
    }

    /** OK, FORBIDDEN (GraphQL error or payload error code), or CLOSED <code>. */
    static String outcome(WebSocketGraphQlClient socket, String document) {
        try {
            ClientGraphQlResponse response = socket.document(document).execute().block(PATIENCE);
            if (response.getErrors().stream().anyMatch(e -> String.valueOf(e.getErrorType()).equals("FORBIDDEN"))) return "FORBIDDEN";
            if (!response.getErrors().isEmpty()) return "ERROR " + response.getErrors();
            Map<String, Object> data = response.getData();
            for (Object value : data.values()) {
                if (value instanceof Map<?, ?> payload && payload.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
                    return ((Map<?, ?>) errors.getFirst()).get("code").toString();
                }
            }
            return "OK";
        } catch (WebSocketDisconnectedException e) {
            return "CLOSED " + e.getCloseStatus().getCode();
        }
    }

}
