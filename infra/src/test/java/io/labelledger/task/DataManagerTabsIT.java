package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved Data Manager views (ADR 0038) over GraphQL: private until shared, changed by their owner (a shared one also
 * by a Manager), renamed, reordered, deleted; a view that would not run is refused naming the bad part.
 */
class DataManagerTabsIT extends IntegrationTest {
    private static final String SAVE = """
            mutation($i: SaveDataManagerTabInput!) { saveDataManagerTab(input: $i) {
              tab { id title shared mine position view } errors { code field } } }""";
    private static final String TABS = "query($p: ID!) { dataManagerTabs(projectId: $p) { id title shared mine position view } }";
    private static final Map<String, Object> VIEW = Map.of(
            "filter", Map.of("conjunction", "OR", "conditions", List.of(
                    Map.of("column", "DATA", "path", List.of("meta", "source"), "operator", "EQUAL", "value", "web"),
                    Map.of("column", "ANNOTATIONS", "operator", "GREATER", "value", 0))),
            "orderBy", Map.of("field", "UPDATED_AT", "direction", "DESC"),
            "columns", List.of(Map.of("key", "number"), Map.of("key", "data:meta.source", "hidden", false), Map.of("key", "review", "hidden", true)));

    @LocalServerPort
    int port;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> answer, String name) {
        assertThat(answer.get("errors")).as("errors").isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tabs(ApiClient who, String project) {
        return (List<Map<String, Object>>) ((Map<String, Object>) who.post(TABS, Map.of("p", project)).get("data")).get("dataManagerTabs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> save(ApiClient who, Map<String, Object> input) {
        return field(who.post(SAVE, Map.of("i", input)), "saveDataManagerTab");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTabIsPrivateUntilSharedAndChangedByItsOwnerOrAManager() {
        // given a project with an annotator and a manager working on it
        ApiClient ann = ApiClient.signUp(port, "Ann");
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        ApiClient mia = ApiClient.signUpWithInvitation(port, "Mia", ann.invite("MANAGER"));
        String project = ann.createProject("Tabs", ApiClient.TEXT_CONFIG);
        ann.addProjectMember(project, bob.userId, "ANNOTATOR");
        ann.addProjectMember(project, mia.userId, "ANNOTATOR");

        // when Ann saves a view as a tab
        Map<String, Object> saved = save(ann, Map.of("projectId", project, "title", " Web or done ", "view", VIEW));
        assertThat(saved.get("errors")).isEqualTo(List.of());
        Map<String, Object> tab = (Map<String, Object>) saved.get("tab");
        String id = (String) tab.get("id");

        // then it is hers, private, stored as given
        assertThat(tab).containsEntry("title", "Web or done").containsEntry("shared", false).containsEntry("mine", true).containsEntry("view", VIEW);
        assertThat(tabs(ann, project)).extracting(t -> t.get("id")).containsExactly(id);
        assertThat(tabs(bob, project)).isEmpty();

        // Bob cannot change it; once shared he sees it but still cannot change or delete it, a Manager can rename it
        Map<String, Object> rename = Map.of("projectId", project, "tabId", id, "title", "Mine now", "view", VIEW);
        assertThat((List<Map<String, Object>>) save(bob, rename).get("errors")).extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
        save(ann, Map.of("projectId", project, "tabId", id, "title", "Web or done", "shared", true, "view", VIEW));
        assertThat(tabs(bob, project)).singleElement().satisfies(t -> assertThat(t).containsEntry("shared", true).containsEntry("mine", false));
        assertThat((List<Map<String, Object>>) save(bob, rename).get("errors")).extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
        Map<String, Object> deleted = field(bob.post("mutation($i: DeleteDataManagerTabInput!) { deleteDataManagerTab(input: $i) { deletedId errors { code } } }",
                Map.of("i", Map.of("projectId", project, "tabId", id))), "deleteDataManagerTab");
        assertThat(deleted.get("deletedId")).isNull();
        Map<String, Object> renamed = save(mia, Map.of("projectId", project, "tabId", id, "title", "Team view", "shared", false, "view", VIEW));
        // a Manager renames; sharing stays the owner's choice
        assertThat((Map<String, Object>) renamed.get("tab")).containsEntry("title", "Team view").containsEntry("shared", true);

        // a second tab (a duplicate is a copy saved anew), then the order is changed and the first one deleted
        String copy = (String) ((Map<String, Object>) save(ann, Map.of("projectId", project, "title", "Team view (copy)", "view", VIEW)).get("tab")).get("id");
        assertThat(tabs(ann, project)).extracting(t -> t.get("id")).containsExactly(id, copy);
        Map<String, Object> reordered = field(ann.post("mutation($i: ReorderDataManagerTabsInput!) { reorderDataManagerTabs(input: $i) { tabs { id } errors { code } } }",
                Map.of("i", Map.of("projectId", project, "tabIds", List.of(copy, id)))), "reorderDataManagerTabs");
        assertThat((List<Map<String, Object>>) reordered.get("tabs")).extracting(t -> t.get("id")).containsExactly(copy, id);
        deleted = field(ann.post("mutation($i: DeleteDataManagerTabInput!) { deleteDataManagerTab(input: $i) { deletedId errors { code } } }",
                Map.of("i", Map.of("projectId", project, "tabId", id))), "deleteDataManagerTab");
        assertThat(deleted.get("deletedId")).isEqualTo(id);
        assertThat(tabs(ann, project)).extracting(t -> t.get("id")).containsExactly(copy);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aViewThatWouldNotRunIsRefusedNamingItsBadPart() {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String project = ann.createProject("Bad tabs", ApiClient.TEXT_CONFIG);
        record Case(Object view, String code, List<String> field) {}
        for (Case c : List.of(
                new Case(Map.of("filter", Map.of("conditions", List.of(Map.of("column", "COMPLETED", "operator", "CONTAINS", "value", "x")))),
                        "FILTER_OPERATOR", List.of("view", "filter", "conditions", "0", "operator")),
                new Case(Map.of("filter", Map.of("conditions", List.of(Map.of("column", "NOPE", "operator", "EQUAL", "value", 1)))),
                        "FILTER_UNKNOWN_FIELD", List.of("view", "filter", "conditions", "0", "column")),
                new Case(Map.of("orderBy", Map.of("field", "ANNOTATORS", "direction", "ASC")), "FILTER_UNKNOWN_FIELD", List.of("view", "orderBy", "field")),
                new Case(Map.of("columns", "all"), "VALIDATION", List.of("view", "columns")),
                new Case(Map.of("other", 1), "VALIDATION", List.of("view", "other")))) {
            Map<String, Object> answer = save(ann, Map.of("projectId", project, "title", "Bad", "view", c.view()));
            assertThat(answer.get("tab")).as(c.toString()).isNull();
            assertThat((List<Map<String, Object>>) answer.get("errors")).as(c.toString()).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("code", c.code()).containsEntry("field", c.field()));
        }
        assertThat((List<Map<String, Object>>) save(ann, Map.of("projectId", project, "title", " ", "view", Map.of())).get("errors"))
                .extracting(e -> e.get("code")).containsExactly("VALIDATION");
        assertThat(tabs(ann, project)).isEmpty();
    }
}
