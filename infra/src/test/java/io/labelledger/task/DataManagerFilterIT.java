package io.labelledger.task;

import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Data Manager's filters, sorts and counts (issue 12, ADR 0038) over GraphQL against real PostgreSQL: every
 * operator on every column type (nested data keys, unicode, empty and missing values, labels per control, people,
 * reviews, predictions), keyset pages of two rows through every result, typed refusals, blind labeling.
 */
class DataManagerFilterIT extends IntegrationTest {
    private static final String TASKS = """
            [{"data":{"text":"Grüße aus Köln","meta":{"source":"web","lang":"de"},"n":5,"when":"2026-01-10"},
              "predictions":[{"model_version":"m1","score":0.9,"result":[%1$s]}]},
             {"data":{"text":"hello world","meta":{"source":"mail"},"n":12,"when":"2026-03-01"},
              "predictions":[{"model_version":"m2","score":0.4,"result":[%1$s]}]},
             {"data":{"text":"","meta":{"source":"web"},"n":7.5}},
             {"data":{"text":"日本語のテキスト","n":-1,"when":"2025-12-31"}},
             {"data":{"text":"100%% sure_thing"}},
             {"data":{"text":"hello again","meta":{"source":null}}}]""".formatted(
            "{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}");

    private static final String PAGE = """
            query($p: ID!, $f: TaskFilter, $o: TaskOrder, $after: String) {
              project(id: $p) { tasks(first: 2, after: $after, filter: $f, orderBy: $o) {
                edges { node { number } } pageInfo { hasNextPage endCursor } } } }""";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    TaskQueries taskQueries;

    static ApiClient ann;
    static ApiClient bob;
    static String project;
    static List<String> tasks;

    @BeforeEach
    void history() {
        if (project != null) return;
        // given six tasks: nested, unicode, empty and missing data; two with predictions
        ann = ApiClient.signUp(port, "Ann");
        bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        project = ann.createProject("Filters", ApiClient.TEXT_CONFIG);
        ann.addProjectMember(project, bob.userId, "REVIEWER");
        ann.importTasks(project, TASKS, "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(6);
        tasks = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 10) { edges { node { id } } } } }")
                .variable("id", project).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), l -> l.size() == 6);
        // Ann labels tasks 1 (with a lead time), 2 and 4 and skips 3; Bob accepts 1 and rejects 2
        String first = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ann.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } } }""",
                Map.of("i", Map.of("taskId", tasks.get(0), "result", List.of(ApiClient.choice("Positive")), "leadTimeSeconds", 12.5)))
                .get("data")).get("submitAnnotation")).get("annotation")).get("id");
        String second = ann.submit(tasks.get(1), List.of(ApiClient.choice("Negative")));
        ann.submit(tasks.get(3), List.of(ApiClient.choice("Neutral")));
        ann.graphql().document("mutation($i: SkipTaskInput!) { skipTask(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", tasks.get(2))).execute().path("skipTask.errors").entityList(Object.class).hasSize(0);
        review(tasks.get(0), first, "ACCEPTED");
        review(tasks.get(1), second, "REJECTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(numbers(cond("REJECTED", null, "EQUAL", 1))).containsExactly(2);
            assertThat(numbers(cond("SKIPS", null, "EQUAL", 1))).containsExactly(3);
        });
    }

    private static void review(String taskId, String annotationId, String decision) {
        bob.graphql().document("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "decision", decision))
           .execute().path("reviewAnnotation.errors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> cond(String column, List<String> path, String operator, Object value) {
        Map<String, Object> c = new HashMap<>(Map.of("column", column, "operator", operator));
        if (path != null) c.put("path", path);
        if (value != null) c.put("value", value);
        return c;
    }

    private static List<Integer> numbers(Map<String, Object> condition) {
        return numbers(ann, Map.of("conditions", List.of(condition)), null);
    }

    /** Every matching task number, read in keyset pages of two. */
    @SuppressWarnings("unchecked")
    private static List<Integer> numbers(ApiClient who, Map<String, Object> filter, Map<String, Object> order) {
        List<Integer> all = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 10; guard++) {
            Map<String, Object> vars = new HashMap<>(Map.of("p", project));
            if (filter != null) vars.put("f", filter);
            if (order != null) vars.put("o", order);
            if (after != null) vars.put("after", after);
            Map<String, Object> answer = who.post(PAGE, vars);
            assertThat(answer.get("errors")).as("errors").isNull();
            Map<String, Object> conn = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("project")).get("tasks");
            for (Map<String, Object> e : (List<Map<String, Object>>) conn.get("edges")) {
                all.add(((Number) ((Map<String, Object>) e.get("node")).get("number")).intValue());
            }
            Map<String, Object> info = (Map<String, Object>) conn.get("pageInfo");
            if (!(Boolean) info.get("hasNextPage")) return all;
            after = (String) info.get("endCursor");
        }
        throw new AssertionError("more pages than tasks");
    }

    @Test
    void dataFieldsByNestedPathUnicodeAndEmptyValues() {
        List<String> source = List.of("meta", "source");
        assertThat(numbers(cond("DATA", source, "EQUAL", "web"))).containsExactly(1, 3);
        assertThat(numbers(cond("DATA", source, "NOT_EQUAL", "web"))).containsExactly(2, 4, 5, 6);
        assertThat(numbers(cond("DATA", source, "IN_LIST", List.of("mail", "web")))).containsExactly(1, 2, 3);
        assertThat(numbers(cond("DATA", source, "NOT_IN_LIST", List.of("mail", "web")))).containsExactly(4, 5, 6);
        assertThat(numbers(cond("DATA", source, "NOT_EMPTY", null))).containsExactly(1, 2, 3);
        assertThat(numbers(cond("DATA", source, "EMPTY", null))).containsExactly(4, 5, 6);
        List<String> text = List.of("text");
        assertThat(numbers(cond("DATA", text, "CONTAINS", "HELLO"))).containsExactly(2, 6);
        assertThat(numbers(cond("DATA", text, "CONTAINS", "日本"))).containsExactly(4);
        assertThat(numbers(cond("DATA", text, "CONTAINS", "Grüße"))).containsExactly(1);
        // LIKE wildcards in the value are plain characters
        assertThat(numbers(cond("DATA", text, "CONTAINS", "0%"))).containsExactly(5);
        assertThat(numbers(cond("DATA", text, "CONTAINS", "_"))).containsExactly(5);
        assertThat(numbers(cond("DATA", text, "NOT_CONTAINS", "hello"))).containsExactly(1, 3, 4, 5);
        assertThat(numbers(cond("DATA", text, "REGEX", "^hello (world|again)$"))).containsExactly(2, 6);
        assertThat(numbers(cond("DATA", text, "EMPTY", null))).containsExactly(3);
        assertThat(numbers(cond("DATA", text, "EQUAL", "日本語のテキスト"))).containsExactly(4);
        List<String> n = List.of("n");
        assertThat(numbers(cond("DATA", n, "EQUAL", 12))).containsExactly(2);
        assertThat(numbers(cond("DATA", n, "GREATER", 6))).containsExactly(2, 3);
        assertThat(numbers(cond("DATA", n, "LESS", 0))).containsExactly(4);
        assertThat(numbers(cond("DATA", n, "IN_RANGE", List.of(5, 8)))).containsExactly(1, 3);
        assertThat(numbers(cond("DATA", n, "NOT_IN_RANGE", List.of(5, 8)))).containsExactly(2, 4, 5, 6);
        List<String> when = List.of("when");
        assertThat(numbers(cond("DATA", when, "BEFORE", "2026-02-01"))).containsExactly(1, 4);
        assertThat(numbers(cond("DATA", when, "AFTER", "2026-02-01"))).containsExactly(2);
    }

    @Test
    void labelsPeopleReviewsAndPredictions() {
        List<String> sentiment = List.of("sentiment");
        assertThat(numbers(cond("LABELS", sentiment, "CONTAINS", "Positive"))).containsExactly(1);
        assertThat(numbers(cond("LABELS", sentiment, "NOT_CONTAINS", "Positive"))).containsExactly(2, 3, 4, 5, 6);
        assertThat(numbers(cond("LABELS", sentiment, "IN_LIST", List.of("Positive", "Negative")))).containsExactly(1, 2);
        assertThat(numbers(cond("LABELS", sentiment, "NOT_IN_LIST", List.of("Positive", "Negative")))).containsExactly(3, 4, 5, 6);
        assertThat(numbers(cond("LABELS", sentiment, "EMPTY", null))).containsExactly(3, 5, 6);
        assertThat(numbers(cond("LABELS", sentiment, "NOT_EMPTY", null))).containsExactly(1, 2, 4);
        assertThat(numbers(cond("LABELS", sentiment, "REGEX", "^Ne"))).containsExactly(2, 4);
        assertThat(numbers(cond("LABELS", List.of("other"), "NOT_EMPTY", null))).isEmpty();

        assertThat(numbers(cond("ANNOTATORS", null, "CONTAINS", "@me"))).containsExactly(1, 2, 4);
        assertThat(numbers(cond("ANNOTATORS", null, "IN_LIST", List.of(bob.userId, ann.userId)))).containsExactly(1, 2, 4);
        assertThat(numbers(cond("ANNOTATORS", null, "NOT_CONTAINS", ann.userId))).containsExactly(3, 5, 6);
        assertThat(numbers(cond("ANNOTATORS", null, "EMPTY", null))).containsExactly(3, 5, 6);
        assertThat(numbers(cond("REVIEWERS", null, "CONTAINS", bob.userId))).containsExactly(1, 2);
        assertThat(numbers(cond("REVIEWERS", null, "NOT_IN_LIST", List.of(bob.userId)))).containsExactly(3, 4, 5, 6);
        assertThat(numbers(cond("ACCEPTED", null, "GREATER", 0))).containsExactly(1);
        assertThat(numbers(cond("REVIEW_STATE", null, "IN_LIST", List.of("ACCEPTED", "REJECTED")))).containsExactly(1, 2);
        assertThat(numbers(cond("REVIEW_STATE", null, "NOT_EQUAL", "NONE"))).containsExactly(1, 2, 4);

        assertThat(numbers(cond("PREDICTION_SCORE", null, "GREATER", 0.5))).containsExactly(1);
        assertThat(numbers(cond("PREDICTION_SCORE", null, "IN_RANGE", List.of(0.1, 0.5)))).containsExactly(2);
        assertThat(numbers(cond("PREDICTION_SCORE", null, "NOT_IN_RANGE", List.of(0.1, 0.5)))).containsExactly(1, 3, 4, 5, 6);
        assertThat(numbers(cond("PREDICTION_SCORE", null, "EMPTY", null))).containsExactly(3, 4, 5, 6);
        assertThat(numbers(cond("PREDICTIONS", null, "EQUAL", 1))).containsExactly(1, 2);
        assertThat(numbers(cond("MODEL_VERSIONS", null, "CONTAINS", "m2"))).containsExactly(2);
        assertThat(numbers(cond("LEAD_TIME", null, "GREATER", 10))).containsExactly(1);
        assertThat(numbers(cond("LEAD_TIME", null, "NOT_EMPTY", null))).containsExactly(1);

        assertThat(numbers(cond("NUMBER", null, "IN_LIST", List.of(1, 3)))).containsExactly(1, 3);
        assertThat(numbers(cond("NUMBER", null, "NOT_IN_LIST", List.of(1, 3)))).containsExactly(2, 4, 5, 6);
        assertThat(numbers(cond("ANNOTATIONS", null, "NOT_EQUAL", 0))).containsExactly(1, 2, 4);
        assertThat(numbers(cond("ANNOTATIONS", null, "LESS", 1))).containsExactly(3, 5, 6);
        assertThat(numbers(cond("COMPLETED", null, "EQUAL", true))).containsExactly(1, 2, 4);
        assertThat(numbers(cond("GROUND_TRUTH", null, "EQUAL", false))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbers(cond("CREATED_AT", null, "AFTER", "2000-01-01"))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbers(cond("UPDATED_AT", null, "BEFORE", "2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(numbers(cond("CREATED_AT", null, "NOT_IN_RANGE", List.of("2000-01-01", "2999-01-01")))).isEmpty();
    }

    @Test
    void conditionsCombineWithAndOrAndTheOlderFilters() {
        var positive = cond("LABELS", List.of("sentiment"), "CONTAINS", "Positive");
        var negativeN = cond("DATA", List.of("n"), "LESS", 0);
        assertThat(numbers(ann, Map.of("conjunction", "OR", "conditions", List.of(positive, negativeN)), null)).containsExactly(1, 4);
        assertThat(numbers(ann, Map.of("conjunction", "AND", "conditions", List.of(positive, negativeN)), null)).isEmpty();
        assertThat(numbers(ann, Map.of("reviewState", "PENDING", "conditions", List.of(cond("DATA", List.of("n"), "NOT_EMPTY", null))), null))
                .containsExactly(4);
    }

    @Test
    void sortsByAnyColumnPageByPageWithEmptyValuesAtOneEnd() {
        assertThat(numbers(ann, null, Map.of("field", "DATA", "path", List.of("n"), "direction", "ASC"))).containsExactly(4, 1, 3, 2, 5, 6);
        assertThat(numbers(ann, null, Map.of("field", "DATA", "path", List.of("n"), "direction", "DESC"))).containsExactly(6, 5, 2, 3, 1, 4);
        assertThat(numbers(ann, null, Map.of("field", "PREDICTION_SCORE", "direction", "DESC"))).containsExactly(6, 5, 4, 3, 1, 2);
        assertThat(numbers(ann, null, Map.of("field", "PREDICTION_SCORE", "direction", "ASC"))).containsExactly(2, 1, 3, 4, 5, 6);
        assertThat(numbers(ann, null, Map.of("field", "LEAD_TIME", "direction", "DESC"))).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(numbers(ann, null, Map.of("field", "REVIEW_STATE", "direction", "ASC"))).containsExactly(1, 3, 5, 6, 4, 2);
        assertThat(numbers(ann, null, Map.of("field", "SKIPS", "direction", "DESC"))).containsExactly(3, 6, 5, 4, 2, 1);
        assertThat(numbers(ann, null, Map.of("field", "CREATED_AT", "direction", "ASC"))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbers(ann, null, Map.of("field", "DATA", "path", List.of("meta", "source"), "direction", "ASC"))).containsExactly(6, 2, 1, 3, 4, 5);
        // JSON null sorts before strings; a missing key is an empty value (last ascending)
        // a filter and a sort together
        assertThat(numbers(ann, Map.of("conditions", List.of(cond("DATA", List.of("text"), "CONTAINS", "hello"))),
                Map.of("field", "NUMBER", "direction", "DESC"))).containsExactly(6, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsTheMatchesApartFromThePages() {
        Map<String, Object> answer = ann.post("""
                query($p: ID!, $f: TaskFilter) { project(id: $p) { all: matchingTasks { count exact }
                  hello: matchingTasks(filter: $f) { count exact } } }""",
                Map.of("p", project, "f", Map.of("conditions", List.of(cond("DATA", List.of("text"), "CONTAINS", "hello")))));
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("project");
        assertThat(p.get("all")).isEqualTo(Map.of("count", 6, "exact", true));
        assertThat(p.get("hello")).isEqualTo(Map.of("count", 2, "exact", true));
        // what a slow count answers instead: the planner's estimate, marked as such
        var estimate = taskQueries.estimate(ann.organizationId, project, null, null, new TaskFilter(false, List.of(
                new TaskCondition(TaskColumn.DATA, List.of("text"), FilterOperator.CONTAINS, "hello"))), ann.userId).block();
        assertThat(estimate.exact()).isFalse();
        assertThat(estimate.count()).isNotNegative(); // the planner's guess on a table without statistics
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskShowsItsFilterColumnsAndTheProjectItsDataFields() {
        Map<String, Object> answer = ann.post("""
                query($t: ID!, $p: ID!) { task(id: $t) { labels annotatorIds reviewerIds acceptedCount rejectedCount leadTimeSeconds
                  predictionScore modelVersions }
                  project(id: $p) { dataFields { path kinds } } }""", Map.of("t", tasks.get(0), "p", project));
        Map<String, Object> data = (Map<String, Object>) answer.get("data");
        assertThat((Map<String, Object>) data.get("task")).containsAllEntriesOf(Map.of(
                "labels", Map.of("sentiment", List.of("Positive")), "annotatorIds", List.of(ann.userId), "reviewerIds", List.of(bob.userId),
                "acceptedCount", 1, "rejectedCount", 0, "leadTimeSeconds", 12.5, "predictionScore", 0.9, "modelVersions", List.of("m1")));
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) data.get("project")).get("dataFields")).containsExactly(
                Map.of("path", List.of("meta"), "kinds", List.of("object")),
                Map.of("path", List.of("meta", "lang"), "kinds", List.of("string")),
                Map.of("path", List.of("meta", "source"), "kinds", List.of("string")),
                Map.of("path", List.of("n"), "kinds", List.of("number")),
                Map.of("path", List.of("text"), "kinds", List.of("string")),
                Map.of("path", List.of("when"), "kinds", List.of("string")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void badFiltersAreTypedErrorsNamingTheField() {
        record Case(Map<String, Object> condition, String code, List<String> field) {}
        for (Case c : List.of(
                new Case(cond("COMPLETED", null, "CONTAINS", "x"), "FILTER_OPERATOR", List.of("conditions", "0", "operator")),
                new Case(cond("ANNOTATIONS", null, "EQUAL", "three"), "FILTER_VALUE", List.of("conditions", "0", "value")),
                new Case(cond("DATA", null, "EQUAL", "x"), "FILTER_UNKNOWN_FIELD", List.of("conditions", "0", "path")),
                new Case(cond("DATA", List.of("text"), "REGEX", "(unclosed"), "FILTER_VALUE", List.of("filter")))) {
            Map<String, Object> answer = ann.post(PAGE, Map.of("p", project, "f", Map.of("conditions", List.of(c.condition()))));
            List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
            assertThat(errors).as(c.toString()).hasSize(1);
            Map<String, Object> extensions = (Map<String, Object>) errors.getFirst().get("extensions");
            assertThat(extensions.get("code")).as(c.toString()).isEqualTo(c.code());
            assertThat(extensions.get("field")).as(c.toString()).isEqualTo(c.field());
        }
        // an unknown column is refused by the schema itself
        assertThat(ann.post(PAGE, Map.of("p", project, "f", Map.of("conditions", List.of(cond("NOPE", null, "EQUAL", 1))))).get("errors")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void someoneWhoSeesOnlyTheirOwnAnnotationsCannotFilterByOthersWork() {
        ApiClient carol = ApiClient.signUpWithInvitation(port, "Carol", ann.invite("ANNOTATOR"));
        ann.addProjectMember(project, carol.userId, "ANNOTATOR");
        Map<String, Object> answer = carol.post(PAGE, Map.of("p", project,
                "f", Map.of("conditions", List.of(cond("LABELS", List.of("sentiment"), "CONTAINS", "Positive")))));
        Map<String, Object> extensions = (Map<String, Object>) ((List<Map<String, Object>>) answer.get("errors")).getFirst().get("extensions");
        assertThat(extensions.get("code")).isEqualTo("FORBIDDEN");
        // "annotated by me" is hers to ask; others' labels and annotators do not show on rows either
        assertThat(numbers(carol, Map.of("conditions", List.of(cond("ANNOTATORS", null, "CONTAINS", "@me"))), null)).isEmpty();
        Map<String, Object> task = (Map<String, Object>) ((Map<String, Object>) carol.post(
                "query($t: ID!) { task(id: $t) { labels annotatorIds reviewerIds } }", Map.of("t", tasks.get(0))).get("data")).get("task");
        assertThat(task).isEqualTo(Map.of("labels", Map.of(), "annotatorIds", List.of(), "reviewerIds", List.of()));
    }
}
