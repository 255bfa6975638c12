package io.labelledger.integration.labelstudio;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label Studio's task endpoints over raw HTTP, as a typical SDK script uses them (ADR 0050): create a project, import
 * 100 tasks with predictions, page through {@code GET /api/tasks?project=&page=&page_size=&fields=all} until Label
 * Studio's 404 "Invalid page." (how the legacy SDK's get_tasks stops), read annotations with integer authors, create
 * and delete a task, multipart import; blind labeling and another organization's numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelStudioTasksIT extends IntegrationTest {
    @LocalServerPort
    int port;

    ApiClient owner;
    ApiClient annotator;
    LabelStudioHttp ls;
    LabelStudioHttp annotatorLs;
    LabelStudioHttp strangerLs;

    @BeforeAll
    void projectWithTasks() {
        owner = ApiClient.signUp(port, "LsTasksOwner");
        annotator = ApiClient.signUpWithInvitation(port, "LsTasksAnnotator", owner.invite("ANNOTATOR"));
        ls = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(owner, "sdk"));
        annotatorLs = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(annotator, "sdk"));
        strangerLs = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(ApiClient.signUp(port, "LsTasksStranger"), "sdk"));
    }

    /** A new project of the owner's, by Label Studio's create; its integer id. */
    long newProject() {
        var created = ls.post("/api/projects", "{\"title\": \"Reviews\", \"label_config\": "
                                               + LabelStudioHttp.JSON.writeValueAsString(LabelStudioProjectsIT.CONFIG) + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.get("id").asLong();
    }

    @Test
    void aTypicalScriptImportsAHundredTasksWithPredictionsAndPagesThroughThem() {
        long project = newProject();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(Map.of("data", Map.of("text", "Review " + i), "predictions", List.of(Map.of("model_version", "v1", "score", 0.5,
                    "result", List.of(Map.of("from_name", "sentiment", "to_name", "text", "type", "choices",
                            "value", Map.of("choices", List.of(i % 2 == 0 ? "Positive" : "Negative"))))))));
        }
        // the legacy SDK's import_tasks: return_task_ids=1, and it reads task_ids back
        var imported = ls.post("/api/projects/" + project + "/import?return_task_ids=1", LabelStudioHttp.JSON.writeValueAsString(tasks));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.get("task_count").asInt()).isEqualTo(100);
        assertThat(imported.get("prediction_count").asInt()).isEqualTo(100);
        assertThat(imported.get("annotation_count").asInt()).isZero();
        assertThat(LabelStudioHttp.fields(imported.body())).contains("task_count", "annotation_count", "prediction_count", "duration",
                "file_upload_ids", "could_be_tasks_list", "found_formats", "data_columns");

        // the legacy SDK's get_paginated_tasks: page after page until 404
        Set<Long> seen = new HashSet<>();
        Set<Long> predictions = new HashSet<>();
        int page = 1;
        while (true) {
            var answer = ls.get("/api/tasks?project=" + project + "&page=" + page + "&page_size=30&fields=all");
            if (answer.status() == 404) {
                assertThat(answer.get("detail").asString()).isEqualTo("Invalid page.");
                break;
            }
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(LabelStudioHttp.fields(answer.body())).containsExactly("tasks", "total", "total_annotations", "total_predictions");
            for (JsonNode t : answer.get("tasks")) {
                assertThat(LabelStudioHttp.fields(t)).contains("id", "data", "annotations", "predictions", "meta", "created_at", "updated_at",
                        "is_labeled", "inner_id", "total_annotations", "cancelled_annotations", "total_predictions", "project");
                assertThat(t.get("project").asLong()).isEqualTo(project);
                seen.add(t.get("id").asLong());
                JsonNode prediction = t.get("predictions").get(0);
                assertThat(prediction.get("model_version").asString()).isEqualTo("v1");
                assertThat(prediction.get("task").asLong()).isEqualTo(t.get("id").asLong());
                predictions.add(prediction.get("id").asLong());
            }
            page++;
        }
        assertThat(page).isEqualTo(5); // 30 + 30 + 30 + 10
        assertThat(seen).hasSize(100);
        assertThat(LabelStudioHttp.stream(imported.get("task_ids")).map(JsonNode::asLong)).containsExactlyInAnyOrderElementsOf(seen);
        assertThat(predictions).hasSize(100).doesNotContainAnyElementsOf(seen);

        // fields=task_only (the default) leaves annotations and predictions out
        JsonNode first = ls.get("/api/tasks?project=" + project + "&page=1&page_size=1").get("tasks").get(0);
        assertThat(first.has("annotations")).isFalse();
        assertThat(first.get("data").get("text").asString()).startsWith("Review ");

        // and the export, as the SDK's export_tasks asks for it
        var all = ls.get("/api/projects/" + project + "/export?exportType=JSON&download_all_tasks=true");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.body()).hasSize(100);
        assertThat(all.body().get(0).get("predictions")).hasSize(1);
        var annotatedOnly = ls.get("/api/projects/" + project + "/export?exportType=JSON");
        assertThat(annotatedOnly.status()).isEqualTo(200);
        assertThat(annotatedOnly.body()).as("Label Studio exports annotated tasks unless download_all_tasks").isEmpty();
        var csv = ls.get("/api/projects/" + project + "/export?exportType=CSV&download_all_tasks=true");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().lines().count()).as("a header and 100 rows").isEqualTo(101);
        assertThat(ls.get("/api/projects/" + project + "/export?exportType=NOPE").status()).isEqualTo(400);
        assertThat(strangerLs.get("/api/projects/" + project + "/export?exportType=JSON").status()).isEqualTo(404);

        // the SDK's export snapshots: create, poll the status, download
        var snapshot = ls.post("/api/projects/" + project + "/exports", "{\"title\": \"nightly\", \"task_filter_options\": {\"only_with_annotations\": false}}");
        assertThat(snapshot.status()).as(snapshot.text()).isEqualTo(201);
        assertThat(LabelStudioHttp.fields(snapshot.body())).contains("id", "title", "created_by", "created_at", "finished_at", "status", "md5",
                "counters", "converted_formats");
        long snapshotId = snapshot.get("id").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> "completed".equals(ls.get("/api/projects/" + project + "/exports/" + snapshotId).get("status").asString()));
        assertThat(LabelStudioHttp.stream(ls.get("/api/projects/" + project + "/exports").body()).map(e -> e.get("id").asLong())).contains(snapshotId);
        var file = ls.get("/api/projects/" + project + "/exports/" + snapshotId + "/download?exportType=JSON");
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        assertThat(file.body()).hasSize(100);
        assertThat(ls.get("/api/projects/" + project + "/exports/" + snapshotId + "/download?exportType=CSV").status()).isEqualTo(400);
        assertThat(strangerLs.get("/api/projects/" + project + "/exports/" + snapshotId).status()).isEqualTo(404);
    }

    @Test
    void annotationsComeWithIntegerAuthorsAndBlindLabelingHoldsForAnnotators() {
        long project = newProject();
        var created = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"Annotated by the owner\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long task = created.get("id").asLong();
        assertThat(created.get("data").get("text").asString()).isEqualTo("Annotated by the owner");
        long other = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"Annotated by the annotator\"}}").get("id").asLong();
        String projectUuid = uuidOfProject(project);
        owner.addProjectMember(projectUuid, annotator.userId, "ANNOTATOR");
        owner.submit(uuidOfTask(projectUuid, task), List.of(ApiClient.choice("Positive")));
        annotator.submit(uuidOfTask(projectUuid, other), List.of(ApiClient.choice("Negative")));

        var full = ls.get("/api/tasks/" + task);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.get("annotations")).hasSize(1);
        JsonNode a = full.get("annotations").get(0);
        assertThat(LabelStudioHttp.fields(a)).contains("id", "result", "completed_by", "was_cancelled", "ground_truth", "created_at",
                "updated_at", "lead_time", "task", "project");
        assertThat(a.get("completed_by").asLong()).isEqualTo(ls.get("/api/current-user").get("id").asLong());
        assertThat(a.get("task").asLong()).isEqualTo(task);
        assertThat(a.get("result").get(0).get("value").get("choices").get(0).asString()).isEqualTo("Positive");
        assertThat(ls.get("/api/tasks/" + other).get("annotations").get(0).get("completed_by").asLong())
                .isEqualTo(annotatorLs.get("/api/current-user").get("id").asLong());

        // blind labeling (the projects' default): the annotator sees their own annotation only
        assertThat(annotatorLs.get("/api/tasks/" + task).get("annotations")).isEmpty();
        assertThat(annotatorLs.get("/api/tasks/" + other).get("annotations")).hasSize(1);

        assertThat(strangerLs.get("/api/tasks/" + task).status()).isEqualTo(404);
        assertThat(strangerLs.delete("/api/tasks/" + task).status()).isEqualTo(404);
        assertThat(strangerLs.get("/api/tasks?project=" + project).status()).isEqualTo(404);
        assertThat(annotatorLs.delete("/api/tasks/" + task).status()).isEqualTo(403);

        assertThat(ls.delete("/api/tasks/" + task).status()).isEqualTo(204);
        assertThat(ls.get("/api/tasks/" + task).status()).isEqualTo(404);
    }

    @Test
    void anAnnotationIsCreatedReadUpdatedAndDeletedByItsIntegerId() {
        long project = newProject();
        long task = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"To annotate\"}}").get("id").asLong();
        String result = "[{\"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": [\"Positive\"]}}]";

        var created = ls.post("/api/tasks/" + task + "/annotations", "{\"result\": " + result + ", \"lead_time\": 4.5}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long annotation = created.get("id").asLong();
        assertThat(created.get("task").asLong()).isEqualTo(task);
        assertThat(created.get("project").asLong()).isEqualTo(project);
        assertThat(created.get("lead_time").asDouble()).isEqualTo(4.5);
        assertThat(created.get("completed_by").asLong()).isEqualTo(ls.get("/api/current-user").get("id").asLong());

        var list = ls.get("/api/tasks/" + task + "/annotations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(LabelStudioHttp.stream(list.body()).map(a -> a.get("id").asLong())).containsExactly(annotation);
        assertThat(ls.get("/api/annotations/" + annotation).get("result").get(0).get("value").get("choices").get(0).asString()).isEqualTo("Positive");

        var changed = ls.patch("/api/annotations/" + annotation + "/", "{\"result\": " + result.replace("Positive", "Negative") + "}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.get("result").get(0).get("value").get("choices").get(0).asString()).isEqualTo("Negative");
        assertThat(changed.get("lead_time").asDouble()).as("kept when not sent").isEqualTo(4.5);

        owner.addProjectMember(uuidOfProject(project), annotator.userId, "ANNOTATOR");
        var notAuthor = annotatorLs.patch("/api/annotations/" + annotation, "{\"result\": " + result + "}");
        assertThat(notAuthor.status()).isEqualTo(403);
        assertThat(annotatorLs.get("/api/annotations/" + annotation).status()).as("blind labeling").isEqualTo(404);
        assertThat(strangerLs.get("/api/annotations/" + annotation).status()).isEqualTo(404);
        assertThat(strangerLs.delete("/api/annotations/" + annotation).status()).isEqualTo(404);

        var missing = ls.post("/api/tasks/" + task + "/annotations", "{\"lead_time\": 1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(LabelStudioHttp.fields(missing.get("validation_errors"))).containsExactly("result");
        long fresh = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"Not annotated\"}}").get("id").asLong();
        var unknownControl = ls.post("/api/tasks/" + fresh + "/annotations", "{\"result\": " + result.replace("sentiment", "nope") + "}");
        assertThat(unknownControl.status()).as(unknownControl.text()).isEqualTo(400);
        assertThat(unknownControl.get("validation_errors")).isNotNull();
        var twice = ls.post("/api/tasks/" + task + "/annotations", "{\"result\": " + result + "}");
        assertThat(twice.status()).as("one annotation per person and task").isEqualTo(409);

        assertThat(ls.delete("/api/annotations/" + annotation).status()).isEqualTo(204);
        assertThat(ls.get("/api/annotations/" + annotation).status()).isEqualTo(404);
        assertThat(ls.get("/api/tasks/" + task + "/annotations").body()).isEmpty();
    }

    @Test
    void predictionsAreAddedOneByOneOrInBulkListedAndDeletedByIntegerId() {
        long project = newProject();
        long task = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"Predicted\"}}").get("id").asLong();
        long other = ls.post("/api/tasks", "{\"project\": " + project + ", \"data\": {\"text\": \"Also predicted\"}}").get("id").asLong();
        String result = "[{\"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": [\"Positive\"]}}]";

        // the legacy SDK's create_prediction(task_id, result, score, model_version)
        var created = ls.post("/api/predictions", "{\"task\": " + task + ", \"result\": " + result + ", \"score\": 0.8, \"model_version\": \"m1\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(LabelStudioHttp.fields(created.body())).contains("id", "model_version", "score", "result", "task", "project", "created_at");
        long prediction = created.get("id").asLong();
        assertThat(created.get("task").asLong()).isEqualTo(task);
        assertThat(created.get("model_version").asString()).isEqualTo("m1");
        assertThat(created.get("score").asDouble()).isEqualTo(0.8);

        // its create_predictions: many, for the project's tasks
        var bulk = ls.post("/api/projects/" + project + "/import/predictions", "[{\"task\": " + task + ", \"result\": " + result + ", \"score\": 0.3}, "
                + "{\"task\": " + other + ", \"result\": " + result + "}]");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(201);
        assertThat(bulk.get("created").asInt()).isEqualTo(2);

        var list = ls.get("/api/predictions?task=" + task);
        assertThat(list.status()).isEqualTo(200);
        assertThat(LabelStudioHttp.stream(list.body()).map(p -> p.get("id").asLong())).hasSize(2).contains(prediction);
        assertThat(ls.get("/api/predictions/" + prediction).get("score").asDouble()).isEqualTo(0.8);
        JsonNode withPredictions = ls.get("/api/tasks/" + task).body();
        assertThat(withPredictions.get("total_predictions").asInt()).isEqualTo(2);
        assertThat(withPredictions.get("predictions")).hasSize(2);

        var invalid = ls.post("/api/predictions", "{\"task\": " + task + ", \"result\": " + result.replace("Positive", "Maybe") + "}");
        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        var foreignTask = ls.post("/api/projects/" + newProject() + "/import/predictions", "[{\"task\": " + task + ", \"result\": " + result + "}]");
        assertThat(foreignTask.status()).as("a task of another project").isEqualTo(400);
        assertThat(strangerLs.post("/api/predictions", "{\"task\": " + task + ", \"result\": " + result + "}").status()).isEqualTo(404);
        assertThat(strangerLs.get("/api/predictions/" + prediction).status()).isEqualTo(404);
        owner.addProjectMember(uuidOfProject(project), annotator.userId, "ANNOTATOR");
        assertThat(annotatorLs.post("/api/predictions", "{\"task\": " + task + ", \"result\": " + result + "}").status()).isEqualTo(403);
        assertThat(annotatorLs.get("/api/predictions?task=" + task).status()).as("members read them").isEqualTo(200);

        assertThat(ls.delete("/api/predictions/" + prediction).status()).isEqualTo(204);
        assertThat(ls.get("/api/predictions/" + prediction).status()).isEqualTo(404);
        assertThat(ls.get("/api/tasks/" + task).get("total_predictions").asInt()).isEqualTo(1);
    }

    /** The query label-studio-sdk's get_labeled_tasks / get_unlabeled_tasks / get_tasks(selected_ids=...) send. */
    static String query(String filters, String selected) {
        return java.net.URLEncoder.encode("{\"filters\": " + filters + ", \"ordering\": [], \"selectedItems\": " + selected + "}",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static String completedFilter(boolean empty) {
        return "{\"conjunction\": \"and\", \"items\": [{\"filter\": \"filter:tasks:completed_at\", \"operator\": \"empty\", "
               + "\"value\": " + empty + ", \"type\": \"Datetime\"}]}";
    }

    @Test
    void theSdksLabeledAndUnlabeledTaskQueriesAreAnswered() {
        long project = newProject();
        var imported = ls.post("/api/projects/" + project + "/import", "[{\"text\": \"one\"}, {\"text\": \"two\"}, {\"text\": \"three\"}]");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        List<Long> ids = LabelStudioHttp.stream(ls.get("/api/tasks?project=" + project).get("tasks")).map(t -> t.get("id").asLong()).toList();
        assertThat(ids).hasSize(3);
        String projectUuid = uuidOfProject(project);
        owner.submit(uuidOfTask(projectUuid, ids.get(1)), List.of(ApiClient.choice("Positive")));
        String all = "{\"all\": true, \"excluded\": []}";
        String base = "/api/tasks?project=" + project + "&page=1&page_size=100&view=&fields=all&resolve_uri=True&query=";

        var labeled = ls.get(base + query(completedFilter(false), all)); // get_labeled_tasks
        assertThat(labeled.status()).as(labeled.text()).isEqualTo(200);
        assertThat(LabelStudioHttp.stream(labeled.get("tasks")).map(t -> t.get("id").asLong())).containsExactly(ids.get(1));
        assertThat(labeled.get("tasks").get(0).get("annotations")).hasSize(1);
        assertThat(labeled.get("total").asLong()).isEqualTo(1);

        var unlabeled = ls.get(base + query(completedFilter(true), all)); // get_unlabeled_tasks
        assertThat(LabelStudioHttp.stream(unlabeled.get("tasks")).map(t -> t.get("id").asLong())).containsExactly(ids.get(0), ids.get(2));

        var selected = ls.get(base + query("null", "{\"all\": false, \"included\": [" + ids.get(2) + "]}") + "&include=id"); // get_tasks_ids(selected_ids=...)
        assertThat(selected.status()).as(selected.text()).isEqualTo(200);
        assertThat(LabelStudioHttp.fields(selected.get("tasks").get(0))).containsExactly("id");
        assertThat(selected.get("tasks").get(0).get("id").asLong()).isEqualTo(ids.get(2));

        var unsupported = ls.get(base + query("{\"conjunction\": \"and\", \"items\": [{\"filter\": \"filter:tasks:data.text\", "
                + "\"operator\": \"contains\", \"value\": \"o\", \"type\": \"String\"}]}", all));
        assertThat(unsupported.status()).as("never silently unfiltered").isEqualTo(400);
        assertThat(LabelStudioHttp.fields(unsupported.get("validation_errors"))).containsExactly("query");
    }

    @Test
    void filesImportAsMultipartAndInvalidTasksImportNothing() {
        long project = newProject();
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.ByteArrayResource("text\nfirst row\nsecond row\n".getBytes()) {
            @Override
            public String getFilename() { return "reviews.csv"; }
        });
        var answer = ls.send(HttpMethod.POST, "/api/projects/" + project + "/import", form.build(), MediaType.MULTIPART_FORM_DATA);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.get("task_count").asInt()).isEqualTo(2);

        long before = ls.get("/api/tasks?project=" + project).get("total").asLong();
        var invalid = ls.post("/api/projects/" + project + "/import", "[{\"data\": {\"text\": \"fine\"}}, {\"data\": {\"text\": \"bad\"}, "
                + "\"predictions\": [{\"result\": [{\"from_name\": \"nope\", \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": [\"Positive\"]}}]}]}]");
        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(invalid.get("validation_errors")).isNotNull();
        assertThat(ls.get("/api/tasks?project=" + project).get("total").asLong()).isEqualTo(before);

        assertThat(ls.get("/api/tasks").status()).as("project is required").isEqualTo(400);
        assertThat(strangerLs.post("/api/projects/" + project + "/import", "[{\"text\": \"x\"}]").status()).isEqualTo(404);
        assertThat(annotatorLs.post("/api/projects/" + project + "/import", "[{\"text\": \"x\"}]").status()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private String uuidOfProject(long project) {
        List<Map<String, Object>> nodes = owner.graphql().document("{ projects(first: 200) { edges { node { id intId } } } }").execute()
                                               .path("projects.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        return nodes.stream().filter(n -> ((Number) n.get("intId")).longValue() == project).map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private String uuidOfTask(String projectUuid, long task) {
        List<Map<String, Object>> nodes = owner.graphql().document("query($id: ID!) { project(id: $id) { tasks(first: 200) { edges { node { id intId } } } } }")
                                               .variable("id", projectUuid).execute()
                                               .path("project.tasks.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        return nodes.stream().filter(n -> ((Number) n.get("intId")).longValue() == task).map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }
}
