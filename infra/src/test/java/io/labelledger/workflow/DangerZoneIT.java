package io.labelledger.workflow;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.labelledger.workflow.LabelStreamIT.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 11's danger zone over GraphQL (ADR 0042): deleting a project for everyone, dropping every saved tab. */
@SuppressWarnings("unchecked")
class DangerZoneIT extends IntegrationTest {
    static final String DELETE = "mutation($i: DeleteProjectInput!) { deleteProject(input: $i) { deleted errors { code field } } }";
    static final String DROP = "mutation($i: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $i) { dropped errors { code field } } }";
    static final String SAVE_TAB = """
            mutation($i: SaveDataManagerTabInput!) { saveDataManagerTab(input: $i) { tab { id } errors { code } } }""";
    static final String TABS = "query($p: ID!) { dataManagerTabs(projectId: $p) { id } }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeletedProjectDisappearsForEveryoneWithItsExportsAndTheAuditLogNamesWhoDeletedIt() {
        ApiClient manager = ApiClient.signUp(port, "Zed");
        String project = manager.createProject("Doomed", ApiClient.TEXT_CONFIG);
        manager.importTasks(project, "[{\"text\":\"a\"},{\"text\":\"b\"}]", "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount")
               .entity(Integer.class).isEqualTo(2);
        String task = manager.firstTask(project);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Zoe", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        String annotation = ann.submit(task, List.of(ApiClient.choice("Positive")));
        String exportJob = at(manager.post("mutation($p: ID!) { createExport(input: {projectId: $p, format: JSON}) { job { id } errors { code } } }",
                Map.of("p", project)), "createExport.job.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(at(manager.post("query($id: ID!) { exportJob(id: $id) { state } }",
                Map.of("id", exportJob)), "exportJob.state")));

        // the title typed again guards it; annotators may not (rules.csv)
        assertThat((List<Object>) at(manager.post(DELETE, Map.of("i", Map.of("projectId", project, "title", "Doomed?"))), "deleteProject.errors"))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("title")));
        assertThat(BulkTaskIT.refusals(ann.post(DELETE, Map.of("i", Map.of("projectId", project, "title", "Doomed"))), "deleteProject"))
                .containsExactly("FORBIDDEN");
        Map<String, Object> deleted = manager.post(DELETE, Map.of("i", Map.of("projectId", project, "title", "Doomed")));
        assertThat((Boolean) at(deleted, "deleteProject.deleted")).as("%s", deleted).isTrue();

        for (ApiClient who : List.of(manager, ann)) {
            assertThat((Object) at(who.post("query($p: ID!) { project(id: $p) { id } }", Map.of("p", project)), "project")).isNull();
            List<Object> listed = at(who.post("{ projects { edges { node { id } } } }", Map.of()), "projects.edges");
            assertThat(listed.toString()).doesNotContain(project);
            assertThat((Object) at(who.post("query($t: ID!) { task(id: $t) { id } }", Map.of("t", task)), "task")).isNull();
        }
        // it takes no more work, and its export is gone (row and file)
        assertThat((List<Map<String, Object>>) at(ann.post("""
                mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("taskId", task, "annotationId", annotation, "result", List.of(ApiClient.choice("Negative"))))), "updateAnnotation.errors"))
                .isNotEmpty();
        assertThat((Object) at(manager.post("query($id: ID!) { exportJob(id: $id) { state } }", Map.of("id", exportJob)), "exportJob")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM export_job WHERE project_id = ?", Long.class, project)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ?", Long.class, project)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ?", Long.class, project)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_project_member WHERE project_id = ?", Long.class, project)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM annotation_label WHERE project_id = ?", Long.class, project)).isZero();
        // the events stay, and the audit log says who deleted it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, task)).isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> entries = at(manager.post("""
                    query($p: ID!) { auditLog(filter: {aggregateId: $p, eventType: "ProjectDeleted"}) { edges { node { actor { id } payload } } } }""",
                    Map.of("p", project)), "auditLog.edges");
            assertThat(entries).hasSize(1);
            Map<String, Object> node = (Map<String, Object>) entries.getFirst().get("node");
            assertThat(node.get("actor")).isEqualTo(Map.of("id", manager.userId));
            assertThat((Map<String, Object>) node.get("payload")).containsEntry("title", "Doomed").containsEntry("taskCount", 2);
        });
        // deleting it again: it is not found
        assertThat((List<Object>) at(manager.post(DELETE, Map.of("i", Map.of("projectId", project, "title", "Doomed"))), "deleteProject.errors"))
                .isNotEmpty();
    }

    @Test
    void droppingTabsRemovesEveryonesSavedTabsOfTheProjectOnly() {
        ApiClient manager = ApiClient.signUp(port, "Tia");
        String project = manager.createProject("Tabs", ApiClient.TEXT_CONFIG);
        String other = manager.createProject("Other tabs", ApiClient.TEXT_CONFIG);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Tom", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        Map<String, Object> view = Map.of("filter", Map.of());
        for (Map<String, Object> input : List.of(Map.<String, Object>of("projectId", project, "title", "Mine", "view", view),
                Map.<String, Object>of("projectId", project, "title", "Shared", "shared", true, "view", view),
                Map.<String, Object>of("projectId", other, "title", "Elsewhere", "view", view))) {
            assertThat((List<Object>) at(manager.post(SAVE_TAB, Map.of("i", input)), "saveDataManagerTab.errors")).isEmpty();
        }
        assertThat((List<Object>) at(ann.post(SAVE_TAB, Map.of("i", Map.of("projectId", project, "title", "Annotator's", "view", view))),
                "saveDataManagerTab.errors")).isEmpty();

        assertThat(BulkTaskIT.refusals(ann.post(DROP, Map.of("i", Map.of("projectId", project))), "dropDataManagerTabs")).containsExactly("FORBIDDEN");
        Map<String, Object> dropped = manager.post(DROP, Map.of("i", Map.of("projectId", project)));
        assertThat((Integer) at(dropped, "dropDataManagerTabs.dropped")).isEqualTo(3);
        assertThat((List<Object>) at(manager.post(TABS, Map.of("p", project)), "dataManagerTabs")).isEmpty();
        assertThat((List<Object>) at(ann.post(TABS, Map.of("p", project)), "dataManagerTabs")).isEmpty();
        assertThat((List<Object>) at(manager.post(TABS, Map.of("p", other)), "dataManagerTabs")).hasSize(1);
    }
}
