package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Blind labeling on the server (issue 10): Owners, Admins, Managers and the people who review in a project see every
 * annotation of its tasks; everybody else sees only their own, whatever the client asks, unless the project turns
 * blind labeling off (Annotating setting "show other people's annotations", issue 11). The UI's hiding is a
 * convenience; this is the rule. "May review here" is the review queue's rule (the effective project role, ADR 0021).
 */
@Component
public class AnnotationVisibility {
    private final Authorization authorization;
    private final io.labelledger.project.web.ProjectSettingsReader settings;
    private final TaskQueries tasks;

    public AnnotationVisibility(Authorization authorization, io.labelledger.project.web.ProjectSettingsReader settings, TaskQueries tasks) {
        this.authorization = authorization;
        this.settings = settings;
        this.tasks = tasks;
    }

    /** {@link #seesEveryAnnotation} in the task's project; a task the Data Manager does not know yet: only their own. */
    public Mono<Boolean> seesEveryAnnotationOfTask(Caller caller, String taskId) {
        return switch (caller.organizationRole()) {
            case OWNER, ADMIN, MANAGER -> Mono.just(true);
            default -> tasks.get(caller.organizationId(), taskId).flatMap(t -> seesEveryAnnotation(caller, t.projectId())).defaultIfEmpty(false);
        };
    }

    public Mono<Boolean> seesEveryAnnotation(Caller caller, String projectId) {
        return switch (caller.organizationRole()) {
            case OWNER, ADMIN, MANAGER -> Mono.just(true);
            default -> projectId == null ? Mono.just(false)
                    : settings.settingsOf(caller.organizationId(), projectId)
                              .map(s -> s.annotating().showOthersAnnotations()).defaultIfEmpty(false)
                              .flatMap(open -> open ? Mono.just(true)
                                      : authorization.allows(caller, "Query.nextReviewTask", Map.of("projectId", projectId)));
        };
    }

    public static List<AnnotationView> visible(Caller caller, boolean everyAnnotation, List<AnnotationView> annotations) {
        return everyAnnotation ? annotations : annotations.stream().filter(a -> caller.userId().equals(a.authorId())).toList();
    }
}
