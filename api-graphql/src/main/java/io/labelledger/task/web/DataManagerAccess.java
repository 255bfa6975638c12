package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.web.ProjectSettingsReader;
import io.labelledger.shared.Forbidden;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Who browses a project's task list (Data Manager), issue 11: Owners, Admins and Managers always; people who review
 * here when the Review option "reviewers see the Data Manager" is on, else only their review queue; annotators when the
 * Annotating option "annotators see the Data Manager" is on (with manual distribution: only the tasks assigned to them),
 * else only their label stream. The UI hides the page; this
 * is the rule, on the list and its count (ADR 0042). A single task by id stays readable (the stream and the review
 * queue hand tasks out by id).
 */
@Component
public class DataManagerAccess {
    private final Authorization authorization;
    private final ProjectSettingsReader settings;

    public DataManagerAccess(Authorization authorization, ProjectSettingsReader settings) {
        this.authorization = authorization;
        this.settings = settings;
    }

    /** What of the task list the caller sees: all of it, only the tasks assigned to them, or none (their queue only). */
    public enum Scope { ALL, ASSIGNED, NONE }

    /** Completes empty when the caller may browse the project's tasks, else a FORBIDDEN refusal. */
    public Mono<Void> check(Caller caller, String projectId) {
        return scope(caller, projectId).flatMap(ok -> ok != Scope.NONE ? Mono.<Void>empty()
                : Mono.error(new Forbidden("projectId", "This project shows you your queue, not the task list")));
    }

    /** With manual distribution, annotators see only the tasks assigned to them (issue 11). */
    public Mono<Scope> scope(Caller caller, String projectId) {
        return switch (caller.organizationRole()) {
            case OWNER, ADMIN, MANAGER -> Mono.just(Scope.ALL);
            default -> settings.settingsOf(caller.organizationId(), projectId).flatMap(s ->
                    authorization.allows(caller, "Query.nextReviewTask", Map.of("projectId", projectId)).map(reviewer -> {
                        if (reviewer) return s.review().reviewersSeeDataManager() ? Scope.ALL : Scope.NONE;
                        if (!s.annotating().annotatorsSeeDataManager()) return Scope.NONE;
                        return s.distribution().mode() == ProjectSettings.DistributionMode.MANUAL ? Scope.ASSIGNED : Scope.ALL;
                    }))
                    .defaultIfEmpty(Scope.ALL); // no such project here: the field answers nothing anyway
        };
    }
}
