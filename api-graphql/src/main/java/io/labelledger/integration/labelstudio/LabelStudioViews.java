package io.labelledger.integration.labelstudio;

import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.project.read.ProjectView;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import io.labelledger.task.web.AnnotationVisibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our read models in Label Studio's JSON shapes (its serializers' field names), with integer ids. Only fields we
 * keep are answered; docs/label-studio-rest-api.md lists those we do not (workflow settings by Label Studio's names,
 * organization ids).
 */
@Component
public class LabelStudioViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LabelStudioApi api;
    private final UserQueries users;
    private final TaskQueries tasks;
    private final AnnotationVisibility visibility;

    public LabelStudioViews(LabelStudioApi api, UserQueries users, TaskQueries tasks, AnnotationVisibility visibility) {
        this.api = api;
        this.users = users;
        this.tasks = tasks;
        this.visibility = visibility;
    }

    /**
     * Tasks of one project in Label Studio's task shape; with {@code full} (its {@code fields=all}) their annotations
     * (only those the caller may see: blind labeling, {@link AnnotationVisibility}) and predictions. A fixed number of
     * queries whatever the number of tasks.
     */
    public Mono<List<Map<String, Object>>> tasks(LabelStudioApi.Call call, String projectId, List<TaskView> rows, boolean full) {
        List<String> taskIds = rows.stream().map(TaskView::id).toList();
        Mono<Map<String, Long>> taskNumbers = api.ids().intIdsOf(Kind.TASK, call.organizationId(), taskIds);
        Mono<Map<String, Long>> projectNumber = api.ids().intIdsOf(Kind.PROJECT, call.organizationId(), List.of(projectId));
        Mono<Map<String, List<AnnotationView>>> annotations = !full ? Mono.just(Map.<String, List<AnnotationView>>of())
                : Mono.zip(tasks.annotationsOf(call.organizationId(), taskIds), visibility.seesEveryAnnotation(call.caller(), projectId))
                      .map(t -> {
                          Map<String, List<AnnotationView>> seen = new LinkedHashMap<>();
                          t.getT1().forEach((task, list) -> seen.put(task, AnnotationVisibility.visible(call.caller(), t.getT2(), list)));
                          return seen;
                      });
        return Mono.zip(taskNumbers, projectNumber, annotations).flatMap(t -> {
            Map<String, List<AnnotationView>> byTask = t.getT3();
            List<String> annotationIds = byTask.values().stream().flatMap(List::stream).map(AnnotationView::id).toList();
            Set<String> authors = new HashSet<>();
            byTask.values().forEach(list -> list.forEach(a -> authors.add(a.authorId())));
            return Mono.zip(api.ids().intIdsOf(Kind.ANNOTATION, call.organizationId(), annotationIds), api.ids().userIntIds(authors)).map(n -> {
                Long project = t.getT2().get(projectId);
                List<Map<String, Object>> out = new ArrayList<>();
                for (TaskView task : rows) {
                    Long taskNumber = t.getT1().get(task.id());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", taskNumber);
                    m.put("data", JSON.readTree(task.data()));
                    if (full) {
                        List<Map<String, Object>> as = new ArrayList<>();
                        for (AnnotationView a : byTask.getOrDefault(task.id(), List.of())) {
                            as.add(annotation(a, n.getT1().get(a.id()), n.getT2().get(a.authorId()), taskNumber, project));
                        }
                        m.put("annotations", as);
                        m.put("predictions", predictions(task, taskNumber, project));
                    }
                    m.put("meta", Map.of());
                    m.put("created_at", task.createdAt().toString());
                    m.put("updated_at", task.updatedAt().toString());
                    m.put("inner_id", task.number());
                    m.put("is_labeled", task.completed());
                    m.put("total_annotations", task.annotationCount());
                    m.put("cancelled_annotations", 0);
                    m.put("total_predictions", task.predictionCount());
                    m.put("project", project);
                    out.add(m);
                }
                return out;
            });
        });
    }

    /** JSON text as a tree. */
    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** An annotation in Label Studio's shape: {@code completed_by} is its author's integer id. */
    static Map<String, Object> annotation(AnnotationView a, Long id, Long author, Long task, Long project) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("result", JSON.readTree(a.result()));
        m.put("completed_by", author);
        m.put("was_cancelled", false);
        m.put("ground_truth", a.groundTruth());
        m.put("created_at", a.createdAt().toString());
        m.put("updated_at", a.updatedAt().toString());
        m.put("lead_time", a.leadTimeSeconds());
        m.put("task", task);
        m.put("project", project);
        m.put("updated_by", author);
        m.put("parent_prediction", null);
        m.put("parent_annotation", null);
        return m;
    }

    /** A task's predictions (kept with the task as JSON; {@code intId} null for those imported before ADR 0050). */
    static List<Map<String, Object>> predictions(TaskView task, Long taskNumber, Long project) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode all = JSON.readTree(task.predictions() == null ? "[]" : task.predictions());
        for (JsonNode p : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            JsonNode id = p.get("intId");
            m.put("id", id == null || id.isNull() ? null : id.asLong());
            JsonNode model = p.get("modelVersion");
            m.put("model_version", model == null || model.isNull() ? "" : model.asString());
            JsonNode score = p.get("score");
            m.put("score", score == null || score.isNull() ? null : score.asDouble());
            m.put("result", p.get("result"));
            m.put("task", taskNumber);
            m.put("project", project);
            m.put("created_at", task.createdAt().toString());
            m.put("updated_at", task.createdAt().toString());
            out.add(m);
        }
        return out;
    }

    public Mono<Map<String, Object>> project(LabelStudioApi.Call call, ProjectView p) {
        return projects(call, List.of(p)).map(List::getFirst);
    }

    /** Projects with their integer ids and their creators, in two queries whatever their number. */
    public Mono<List<Map<String, Object>>> projects(LabelStudioApi.Call call, List<ProjectView> rows) {
        Set<String> creators = new HashSet<>();
        rows.forEach(p -> creators.add(p.createdBy()));
        return Mono.zip(api.ids().intIdsOf(Kind.PROJECT, call.organizationId(), rows.stream().map(ProjectView::id).toList()),
                        people(creators))
                   .map(t -> {
                       List<Map<String, Object>> out = new ArrayList<>();
                       for (ProjectView p : rows) {
                           Map<String, Object> m = new LinkedHashMap<>();
                           m.put("id", t.getT1().get(p.id()));
                           m.put("title", p.title());
                           m.put("description", p.description());
                           m.put("label_config", p.labelConfig());
                           m.put("organization", null); // organizations have no integer ids here
                           m.put("created_by", t.getT2().get(p.createdBy()));
                           m.put("created_at", p.createdAt().toString());
                           m.put("is_published", true);
                           m.put("is_draft", false);
                           m.put("task_number", p.taskCount());
                           m.put("finished_task_number", p.completedCount());
                           m.put("total_annotations_number", p.annotationCount());
                           out.add(m);
                       }
                       return out;
                   });
    }

    /** People by id as Label Studio's short user ({@code created_by}, {@code completed_by}): id, names, email. */
    public Mono<Map<String, Map<String, Object>>> people(Set<String> userIds) {
        return Mono.zip(users.people(userIds), api.ids().userIntIds(userIds)).map(t -> {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (String id : userIds) {
                UserView v = t.getT1().get(id);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.getT2().get(id));
                m.put("first_name", v == null ? UserView.UNKNOWN : v.displayName());
                m.put("last_name", "");
                m.put("email", null); // only the member list and the caller's own answer carry emails
                m.put("avatar", null);
                out.put(id, m);
            }
            return out;
        });
    }

    /** A member in the shape of Label Studio's user serializer. */
    public static Map<String, Object> user(Long intId, String email, String displayName, Instant lastActivity, Instant joined) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", intId);
        m.put("first_name", displayName == null ? "" : displayName);
        m.put("last_name", "");
        m.put("username", email);
        m.put("email", email);
        m.put("last_activity", lastActivity == null ? null : lastActivity.toString());
        m.put("avatar", null);
        m.put("initials", initials(displayName, email));
        m.put("phone", "");
        m.put("active_organization", null); // organizations have no integer ids here
        m.put("allow_newsletters", null);
        m.put("date_joined", joined == null ? null : joined.toString());
        return m;
    }

    static String initials(String name, String email) {
        String source = name == null || name.isBlank() ? (email == null ? "" : email) : name.strip();
        StringBuilder out = new StringBuilder();
        for (String word : source.split("[\\s@._-]+")) {
            if (!word.isEmpty() && out.length() < 2) out.append(word.charAt(0));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
