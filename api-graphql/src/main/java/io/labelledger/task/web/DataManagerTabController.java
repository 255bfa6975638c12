package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Json;
import io.labelledger.api.UserError;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.read.DataManagerTabs;
import io.labelledger.task.read.TabView;
import io.labelledger.task.read.TaskOrder;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved Data Manager views (ADR 0038): private or shared with the project, renamed, reordered, deleted; duplicating
 * is saving a copy. The view (filter, sort, columns) is checked like a live query before it is stored.
 */
@Controller
public class DataManagerTabController {
    static final int MAX_VIEW_CHARS = 20_000;
    static final int MAX_COLUMNS = 300;

    private final DataManagerTabs tabs;
    private final ProjectQueries projects;
    private final Json json;
    private final Clock clock;

    public DataManagerTabController(DataManagerTabs tabs, ProjectQueries projects, Json json, Clock clock) {
        this.tabs = tabs;
        this.projects = projects;
        this.json = json;
        this.clock = clock;
    }

    public record SaveDataManagerTabInput(String projectId, String tabId, String title, Boolean shared, Object view) {}

    public record DeleteDataManagerTabInput(String projectId, String tabId) {}

    public record ReorderDataManagerTabsInput(String projectId, List<String> tabIds) {}

    public record TabPayload(TabView tab, List<UserError> errors) {}

    public record DeletePayload(String deletedId, List<UserError> errors) {}

    public record ReorderPayload(List<TabView> tabs, List<UserError> errors) {}

    @QueryMapping
    public Mono<List<TabView>> dataManagerTabs(@Argument String projectId, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.just(List.of());
        return tabs.visible(caller.organizationId(), projectId, caller.userId()).collectList();
    }

    @MutationMapping
    public Mono<TabPayload> saveDataManagerTab(@Argument SaveDataManagerTabInput input, @ContextValue Caller caller) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || title.length() > 100) return Mono.just(refused(ErrorCode.VALIDATION, "title", "A title of 1 to 100 characters"));
        String view;
        try {
            view = checkedView(input.view());
        } catch (DomainException e) {
            List<String> field = new ArrayList<>(List.of("view"));
            field.addAll(e.field());
            return Mono.just(new TabPayload(null, List.of(new UserError(e.code(), field, e.getMessage()))));
        }
        boolean shared = Boolean.TRUE.equals(input.shared());
        var at = clock.instant();
        Mono<TabView> saved = input.tabId() == null
                ? tabs.create(caller.organizationId(), input.projectId(), caller.userId(), UUID.randomUUID().toString(), title, shared, view, at)
                      .switchIfEmpty(Mono.error(new TabRefused(ErrorCode.CONFLICT, "projectId",
                              "A project keeps at most " + DataManagerTabs.MAX_TABS_PER_PROJECT + " tabs")))
                : !Ids.isUuid(input.tabId()) ? Mono.error(new TabRefused(ErrorCode.NOT_FOUND, "tabId", "Tab not found"))
                : tabs.update(caller.organizationId(), input.projectId(), caller.userId(), manages(caller), input.tabId(), title, shared, view, at)
                      .switchIfEmpty(Mono.error(new TabRefused(ErrorCode.NOT_FOUND, "tabId", "Tab not found, or not yours to change")));
        return inProject(caller, input.projectId())
                .then(saved)
                .map(t -> new TabPayload(t, List.of()))
                .onErrorResume(TabRefused.class, e -> Mono.just(new TabPayload(null, List.of(UserError.of(e)))));
    }

    @MutationMapping
    public Mono<DeletePayload> deleteDataManagerTab(@Argument DeleteDataManagerTabInput input, @ContextValue Caller caller) {
        if (!Ids.isUuid(input.tabId())) return Mono.just(new DeletePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "tabId", "Tab not found"))));
        return inProject(caller, input.projectId())
                .then(tabs.delete(caller.organizationId(), input.projectId(), caller.userId(), manages(caller), input.tabId()))
                .map(deleted -> deleted ? new DeletePayload(input.tabId(), List.of())
                        : new DeletePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "tabId", "Tab not found, or not yours to delete"))))
                .onErrorResume(TabRefused.class, e -> Mono.just(new DeletePayload(null, List.of(UserError.of(e)))));
    }

    @MutationMapping
    public Mono<ReorderPayload> reorderDataManagerTabs(@Argument ReorderDataManagerTabsInput input, @ContextValue Caller caller) {
        List<String> ids = input.tabIds() == null ? List.of() : input.tabIds();
        if (ids.size() > DataManagerTabs.MAX_TABS_PER_PROJECT || ids.stream().anyMatch(id -> !Ids.isUuid(id))) {
            return Mono.just(new ReorderPayload(List.of(), List.of(UserError.of(ErrorCode.VALIDATION, "tabIds", "Tab ids of this project"))));
        }
        return inProject(caller, input.projectId())
                .thenMany(tabs.reorder(caller.organizationId(), input.projectId(), caller.userId(), ids)).collectList()
                .map(list -> new ReorderPayload(list, List.of()))
                .onErrorResume(TabRefused.class, e -> Mono.just(new ReorderPayload(List.of(), List.of(UserError.of(e)))));
    }

    @SchemaMapping(typeName = "DataManagerTab")
    public Object view(TabView tab) { return json.parse(tab.view()); }

    @SchemaMapping(typeName = "DataManagerTab")
    public boolean mine(TabView tab, @ContextValue Caller caller) { return tab.ownerId().equals(caller.userId()); }

    /** The project of the caller's organization (the policy checked that the caller may see it). */
    private Mono<Void> inProject(Caller caller, String projectId) {
        if (!Ids.isUuid(projectId)) return Mono.error(new TabRefused(ErrorCode.NOT_FOUND, "projectId", "Project not found"));
        return projects.get(caller.organizationId(), projectId)
                       .switchIfEmpty(Mono.error(new TabRefused(ErrorCode.NOT_FOUND, "projectId", "Project not found"))).then();
    }

    private static boolean manages(Caller caller) {
        return switch (caller.organizationRole()) {
            case OWNER, ADMIN, MANAGER -> true;
            default -> false;
        };
    }

    /**
     * The view as stored: an object with a filter (as the tasks query takes it), a sort and the columns, each checked
     * like a live query so that a saved tab always runs.
     */
    @SuppressWarnings("unchecked")
    String checkedView(Object view) {
        if (!(view instanceof Map<?, ?> map)) throw new TabRefused(ErrorCode.VALIDATION, null, "The view is an object");
        for (Object key : map.keySet()) {
            if (!List.of("filter", "orderBy", "columns").contains(key)) throw new TabRefused(ErrorCode.VALIDATION, String.valueOf(key), "Unknown view key");
        }
        String text = json.mapper().writeValueAsString(view);
        if (text.length() > MAX_VIEW_CHARS) throw new TabRefused(ErrorCode.VALIDATION, null, "The view is larger than " + MAX_VIEW_CHARS + " characters");
        Object filter = map.get("filter");
        if (filter != null) {
            try {
                FilterCompiler.compile(filterOf(filter), "-"); // "@me" is whoever opens the tab
            } catch (FilterRefused e) {
                if (!e.field().isEmpty() && e.field().getFirst().equals("filter")) throw e;
                List<String> field = new ArrayList<>(List.of("filter"));
                field.addAll(e.field());
                throw new FilterRefused(e.code(), field, e.getMessage());
            }
        }
        Object order = map.get("orderBy");
        if (order != null) {
            if (!(order instanceof Map<?, ?> o)) throw new TabRefused(ErrorCode.VALIDATION, "orderBy", "A sort is {field, direction, path}");
            TaskOrder.Field field = enumOf(TaskOrder.Field.class, o.get("field"), List.of("orderBy", "field"));
            if (!List.of("ASC", "DESC").contains(String.valueOf(o.get("direction")))) throw new TabRefused(ErrorCode.VALIDATION, "orderBy", "direction: ASC or DESC");
            FilterCompiler.sortExpression(field.column(), strings(o.get("path"), List.of("orderBy", "path")));
        }
        Object columns = map.get("columns");
        if (columns != null) {
            if (!(columns instanceof List<?> list) || list.size() > MAX_COLUMNS) {
                throw new TabRefused(ErrorCode.VALIDATION, "columns", "At most " + MAX_COLUMNS + " columns");
            }
            for (Object c : list) {
                if (!(c instanceof Map<?, ?> col) || !(col.get("key") instanceof String key) || key.isEmpty() || key.length() > 300
                    || !(col.get("hidden") == null || col.get("hidden") instanceof Boolean)) {
                    throw new TabRefused(ErrorCode.VALIDATION, "columns", "A column is {key, hidden}");
                }
            }
        }
        return text;
    }

    private static TaskFilter filterOf(Object filter) {
        if (!(filter instanceof Map<?, ?> f)) throw new TabRefused(ErrorCode.VALIDATION, "filter", "A filter is an object");
        if (f.get("reviewState") != null) enumOf(io.labelledger.task.read.ReviewState.class, f.get("reviewState"), List.of("filter", "reviewState"));
        if (f.get("groundTruth") != null && !(f.get("groundTruth") instanceof Boolean)) {
            throw new TabRefused(ErrorCode.VALIDATION, "filter", "groundTruth: true or false");
        }
        Object conditions = f.get("conditions");
        if (conditions == null) return TaskFilter.NONE;
        if (!(conditions instanceof List<?> list)) throw new FilterRefused(ErrorCode.FILTER_VALUE, List.of("filter", "conditions"), "A list of conditions");
        List<TaskCondition> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            List<String> at = List.of("filter", "conditions", Integer.toString(i));
            if (!(list.get(i) instanceof Map<?, ?> c)) throw new FilterRefused(ErrorCode.FILTER_VALUE, at, "A condition is an object");
            parsed.add(new TaskCondition(enumOf(TaskColumn.class, c.get("column"), concat(at, "column")), strings(c.get("path"), concat(at, "path")),
                    enumOf(FilterOperator.class, c.get("operator"), concat(at, "operator")), c.get("value")));
        }
        return new TaskFilter("OR".equals(f.get("conjunction")), parsed);
    }

    private static List<String> concat(List<String> at, String name) {
        List<String> l = new ArrayList<>(at);
        l.add(name);
        return l;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value, List<String> field) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new FilterRefused(ErrorCode.FILTER_UNKNOWN_FIELD, field, "Unknown: " + value);
        }
    }

    private static List<String> strings(Object value, List<String> field) {
        if (value == null) return null;
        if (value instanceof List<?> l && l.stream().allMatch(s -> s instanceof String)) return l.stream().map(String.class::cast).toList();
        throw new FilterRefused(ErrorCode.FILTER_UNKNOWN_FIELD, field, "A path is a list of keys");
    }

    private static TabPayload refused(ErrorCode code, String field, String message) {
        return new TabPayload(null, List.of(UserError.of(code, field, message)));
    }

    /** A refusal answered in the payload's errors. */
    static final class TabRefused extends DomainException {
        TabRefused(ErrorCode code, String field, String message) {
            super(code, field == null ? List.of() : List.of(field), message);
        }
    }
}
