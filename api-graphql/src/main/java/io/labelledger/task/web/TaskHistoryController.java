package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.shared.Ids;
import io.labelledger.task.history.TaskEventView;
import io.labelledger.task.history.TaskHistory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A task's events to step through its history in the UI (issue 10): read from the event store like {@code taskAsOf},
 * authorized like it (rules.csv), and filtered like it for blind labeling (TaskEventView#visibleTo).
 */
@Controller
public class TaskHistoryController {
    private final TaskHistory history;
    private final AnnotationVisibility visibility;
    private final UserQueries users;

    public TaskHistoryController(TaskHistory history, AnnotationVisibility visibility, UserQueries users) {
        this.history = history;
        this.visibility = visibility;
        this.users = users;
    }

    @QueryMapping
    public Mono<List<TaskEventView>> taskHistory(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Mono.just(List.of());
        return Mono.fromCallable(() -> history.timeline(caller.organizationId(), id))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty)
                   .flatMap(t -> visibility.seesEveryAnnotation(caller, t.projectId())
                           .map(all -> TaskEventView.visibleTo(caller.userId(), all, t.events())))
                   .defaultIfEmpty(List.of());
    }

    @BatchMapping(typeName = "TaskEvent", field = "actor")
    public Mono<Map<TaskEventView, UserView>> actors(List<TaskEventView> events) {
        return users.displayNames(events.stream().map(TaskEventView::actorId).filter(Objects::nonNull).collect(Collectors.toSet()))
                    .map(names -> events.stream().filter(e -> e.actorId() != null).distinct().collect(Collectors.toMap(Function.identity(),
                            e -> new UserView(e.actorId(), names.getOrDefault(e.actorId(), "(unknown user)")))));
    }
}
