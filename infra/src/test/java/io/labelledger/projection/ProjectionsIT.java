package io.labelledger.projection;

import io.labelledger.audit.log.AuditLogProjection;
import io.labelledger.admin.web.ProjectionRebuilds;
import io.labelledger.eventstore.ProjectionRebuilder;
import io.labelledger.organization.directory.DirectoryProjection;
import io.labelledger.task.datamanager.DataManagerProjection;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection is idempotent (each event delivered twice leaves the same rows) and can be rebuilt by replay
 * (the rebuilt tables equal the live ones). Runs on real PostgreSQL with events made through the real API.
 */
class ProjectionsIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ProjectionRebuilder rebuilder;
    @Autowired
    DataManagerProjection dataManager;
    @Autowired
    io.labelledger.task.comments.CommentProjection comments;
    @Autowired
    DirectoryProjection directory;
    @Autowired
    AuditLogProjection auditLog;

    @Test
    void redeliveredEventsChangeNothingAndRebuildsEqualTheLiveTables() {
        String projectId = makeHistory();
        awaitCaughtUp(projectId);
        Map<String, List<String>> live = snapshot();
        // other test classes share the database: count this history's rows by project
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ?", Integer.class, projectId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ?", Integer.class, projectId)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT review_state FROM dm_task WHERE project_id = ? ORDER BY number", String.class, projectId))
                .containsExactly("ACCEPTED", "NONE", "NONE", "REJECTED");
        // ground truth: the imported one and the first task's (the second task's went with its deleted annotation)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ? AND ground_truth", Integer.class, projectId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ? AND ground_truth", Integer.class, projectId)).isEqualTo(2);
        assertThat(live.get("audit_log")).hasSizeGreaterThan(10);
        // the Data Manager's filter columns follow the live annotations (ADR 0038): labels per control, review counts
        assertThat(jdbc.queryForList("""
                        SELECT labels::text || ' ' || accepted_count || ' ' || rejected_count || ' ' || cardinality(reviewers)
                        FROM dm_task WHERE project_id = ? ORDER BY number""", String.class, projectId))
                .containsExactly("{\"sentiment\": [\"Positive\"]} 1 0 1", "{} 0 0 0", "{} 0 0 0", "{\"sentiment\": [\"Positive\"]} 0 1 1");
        assertThat(jdbc.queryForList("SELECT array_to_string(path, '.') || ':' || kind FROM dm_data_key WHERE project_id = ?", String.class, projectId))
                .containsExactly("text:string");
        // comment columns (issue 10): task 1 keeps 2 live comments, 1 of them unresolved (a third was deleted); the
        // comment on task 2 went with its deleted annotation
        assertThat(jdbc.queryForList("SELECT comment_count || '/' || unresolved_comment_count FROM dm_task WHERE project_id = ? ORDER BY number",
                String.class, projectId)).containsExactly("2/1", "0/0", "0/0", "0/0");

        // idempotency: deliver the whole event store a second time to every projection
        var handlers = List.of(new AnnotationEventHandlerAdapter(dataManager), new AnnotationEventHandlerAdapter(comments),
                new AnnotationEventHandlerAdapter(directory),
                new AnnotationEventHandlerAdapter(auditLog));
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                for (var handler : handlers) {
                    tx.executeWithoutResult(s -> {
                        try {
                            if (handler.canHandle(event)) handler.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(snapshot()).isEqualTo(live);

        // rebuild: replay the event store into shadow tables and swap them in (ADR 0029)
        for (Projection p : Projection.values()) assertThat(rebuilder.rebuild(p)).isTrue();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Projection p : Projection.values()) assertThat(rebuilder.state(p)).as(p.name()).isEqualTo(ProjectionRebuilds.State.DONE);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Projection p : Projection.values()) assertThat(rebuilder.caughtUp(p)).as(p.name()).isTrue();
            assertThat(snapshot()).isEqualTo(live);
        });
    }

    private String makeHistory() {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String projectId = ann.graphql().document("""
                        mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }""")
                             .variable("i", Map.of("title", "Rebuild me", "labelConfig", ApiClient.TEXT_CONFIG))
                             .execute().path("createProject.project.id").entity(String.class).get();
        String workspace = ann.graphql().document("mutation { createWorkspace(input: {name: \"Rebuilt\"}) { workspace { id } } }")
                              .execute().path("createWorkspace.workspace.id").entity(String.class).get();
        ann.graphql().document("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }")
           .variable("i", Map.of("workspaceId", workspace, "userIds", List.of(ann.userId))).execute()
           .path("addWorkspaceMembers.errors").entityList(Object.class).hasSize(0);
        ann.graphql().document("mutation($i: MoveProjectInput!) { moveProject(input: $i) { errors { code } } }")
           .variable("i", Map.of("projectId", projectId, "workspaceId", workspace)).execute()
           .path("moveProject.errors").entityList(Object.class).hasSize(0);
        ann.graphql().document("mutation($i: ArchiveWorkspaceInput!) { archiveWorkspace(input: $i) { errors { code } } }")
           .variable("i", Map.of("workspaceId", workspace, "archived", true)).execute()
           .path("archiveWorkspace.errors").entityList(Object.class).hasSize(0);
        ann.graphql().document("mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { title labelConfigVersion } errors { code } } }")
           .variable("i", Map.of("projectId", projectId, "title", "Renamed", "labelConfig", ApiClient.TEXT_CONFIG.replace("Neutral", "Mixed")))
           .execute()
           .path("updateProject.errors").entityList(Object.class).hasSize(0)
           .path("updateProject.project.title").entity(String.class).isEqualTo("Renamed")
           .path("updateProject.project.labelConfigVersion").entity(Integer.class).isEqualTo(2);
        ann.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
           .variable("i", Map.of("projectId", projectId, "json", "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]"))
           .execute().path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        List<String> tasks = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 10) { edges { node { id } } } } }")
                .variable("id", projectId).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), l -> l.size() == 3);
        String result = "[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}]";
        Object parsed = tools.jackson.databind.json.JsonMapper.builder().build().readValue(result, Object.class);
        String first = submit(ann, tasks.get(0), parsed);
        submit(ann, tasks.get(1), parsed);
        // reviews: a project Reviewer rejects, the author fixes (pending again), the reviewer accepts
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        ann.addProjectMember(projectId, bob.userId, "REVIEWER");
        review(bob, tasks.get(0), first, "REJECTED");
        ann.graphql().document("mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", tasks.get(0), "annotationId", first, "result", parsed, "leadTimeSeconds", 9.5))
           .execute().path("updateAnnotation.errors").entityList(Object.class).hasSize(0);
        review(bob, tasks.get(0), first, "ACCEPTED");
        String second = ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { id } } }")
                           .variable("id", tasks.get(1)).execute().path("task.annotations").entityList(Object.class).get().isEmpty()
                ? null : "present";
        assertThat(second).isNotNull();
        // a Label Studio export with an annotation inside: AnnotationImported
        ann.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
           .variable("i", Map.of("projectId", projectId, "json", "[{\"data\":{\"text\":\"d\"},\"annotations\":[{\"lead_time\":3,\"ground_truth\":true,\"result\":" + result + "}]}]"))
           .execute().path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String imported = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> jdbc.queryForObject(
                "SELECT annotation_id FROM dm_annotation a JOIN dm_task t USING (task_id) WHERE t.project_id = ? AND t.number = 4",
                String.class, projectId), java.util.Objects::nonNull);
        review(bob, jdbc.queryForObject("SELECT task_id FROM dm_annotation WHERE annotation_id = ?", String.class, imported), imported, "REJECTED");
        ann.graphql().document("mutation($i: SkipTaskInput!) { skipTask(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", tasks.get(2))).execute().path("skipTask.errors").entityList(Object.class).hasSize(0);
        // delete the annotation of task 2 so that deletes are part of the history
        String annotationOfSecond = ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { id } } }")
                                       .variable("id", tasks.get(1)).execute().path("task.annotations[0].id").entity(String.class).get();
        // ground truth set, taken away and set again on task 1; set on task 2 before its annotation is deleted
        setGroundTruth(ann, tasks.get(0), first, true);
        setGroundTruth(ann, tasks.get(0), first, false);
        setGroundTruth(ann, tasks.get(0), first, true);
        setGroundTruth(ann, tasks.get(1), annotationOfSecond, true);
        // comments: three on task 1 (one resolved, one deleted), one on task 2 whose annotation is then deleted
        String c1 = comment(ann, tasks.get(0), first, "Why?");
        comment(ann, tasks.get(0), first, "Because");
        String c3 = comment(ann, tasks.get(0), first, "Typo");
        changeComment(ann, "resolveComment", tasks.get(0), c1);
        changeComment(ann, "deleteComment", tasks.get(0), c3);
        comment(ann, tasks.get(1), annotationOfSecond, "Gone soon");
        ann.graphql().document("mutation($i: DeleteAnnotationInput!) { deleteAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", tasks.get(1), "annotationId", annotationOfSecond))
           .execute().path("deleteAnnotation.errors").entityList(Object.class).hasSize(0);
        return projectId;
    }

    private static String comment(ApiClient user, String taskId, String annotationId, String text) {
        return user.graphql().document("mutation($i: AddCommentInput!) { addComment(input: $i) { comment { id } errors { code } } }")
                   .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "text", text)).execute()
                   .path("addComment.errors").entityList(Object.class).hasSize(0)
                   .path("addComment.comment.id").entity(String.class).get();
    }

    private static void changeComment(ApiClient user, String mutation, String taskId, String commentId) {
        user.graphql().document("mutation($i: CommentInput!) { %s(input: $i) { errors { code } } }".formatted(mutation))
            .variable("i", Map.of("taskId", taskId, "commentId", commentId)).execute()
            .path(mutation + ".errors").entityList(Object.class).hasSize(0);
    }

    private static void setGroundTruth(ApiClient user, String taskId, String annotationId, boolean mark) {
        user.graphql().document("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }")
            .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "groundTruth", mark))
            .execute().path("setGroundTruth.errors").entityList(Object.class).hasSize(0);
    }

    private String submit(ApiClient user, String taskId, Object result) {
        String id = user.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""")
                        .variable("i", Map.of("taskId", taskId, "result", result, "leadTimeSeconds", 2.0))
                        .execute().path("submitAnnotation.annotation.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE annotation_id = ?", Integer.class, id) == 1);
        return id;
    }

    private void review(ApiClient reviewer, String taskId, String annotationId, String decision) {
        reviewer.graphql().document("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }")
                .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "decision", decision, "comment", "checked"))
                .execute().path("reviewAnnotation.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> decision.equals(jdbc.queryForObject(
                "SELECT review_decision FROM dm_annotation WHERE annotation_id = ?", String.class, annotationId)));
    }

    private void awaitCaughtUp(String projectId) {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE position = ?", Integer.class, head) == 1
                && Projection.values().length == java.util.Arrays.stream(Projection.values()).filter(rebuilder::caughtUp).count());
        // the data manager has applied everything too once its last task row carries the delete/skip
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE skip_count = 1 AND project_id = ?", Integer.class, projectId) == 1
                && jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ?", Integer.class, projectId) == 2);
    }

    /** Every row of every projection table, as JSON text, in a stable order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Projection p : Projection.values()) {
            for (String table : p.tables()) {
                tables.put(table, jdbc.queryForList("SELECT row_to_json(t)::text AS r FROM " + table + " t ORDER BY 1", String.class));
            }
        }
        return tables;
    }
}
