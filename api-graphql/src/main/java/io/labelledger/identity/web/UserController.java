package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.project.read.ProjectView;
import io.labelledger.task.read.AnnotationView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The caller, and people referenced by id (display names batch-loaded: one query per request level). */
@Controller
public class UserController {
    private final UserQueries users;

    public UserController(UserQueries users) {
        this.users = users;
    }

    public record MeView(String id, String email, String displayName, String role, OrganizationView organization) {}

    public record OrganizationView(String id, String name) {}

    @QueryMapping
    public MeView me(@ContextValue Caller caller) {
        return new MeView(caller.userId(), caller.email(), caller.displayName(), caller.role(),
                new OrganizationView(caller.organizationId(), null));
    }

    /**
     * Every organization the caller belongs to, for switching between them (the session acts in one at a time) — only
     * the one it is bound to for a session an organization's IdP or directory vouched for (docs/adr/0026).
     */
    @SchemaMapping(typeName = "Me", field = "organizations")
    public Mono<java.util.List<io.labelledger.identity.read.UserQueries.Membership>> organizations(MeView me, @ContextValue Caller caller) {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(org.springframework.web.filter.reactive.ServerWebExchangeContextFilter.getExchange(ctx)))
                   .flatMap(Sessions::authOrganization)
                   .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                   .flatMap(bound -> users.memberships(caller.userId()).filter(m -> bound.isEmpty() || bound.get().equals(m.id())).collectList());
    }

    @SchemaMapping(typeName = "Organization", field = "name")
    public Mono<String> organizationName(OrganizationView org, @ContextValue Caller caller) {
        return users.organizationName(caller.organizationId()).defaultIfEmpty("");
    }

    @BatchMapping(typeName = "Annotation", field = "author")
    public Mono<Map<AnnotationView, UserView>> annotationAuthors(List<AnnotationView> annotations) {
        return byId(annotations, AnnotationView::authorId);
    }

    @BatchMapping(typeName = "Review", field = "reviewer")
    public Mono<Map<io.labelledger.task.read.ReviewView, UserView>> reviewers(List<io.labelledger.task.read.ReviewView> reviews) {
        return byId(reviews, io.labelledger.task.read.ReviewView::reviewerId);
    }

    @BatchMapping(typeName = "Project", field = "createdBy")
    public Mono<Map<ProjectView, UserView>> projectCreators(List<ProjectView> projects) {
        return byId(projects, ProjectView::createdBy);
    }

    @BatchMapping(typeName = "Comment", field = "author")
    public Mono<Map<io.labelledger.task.read.CommentView, UserView>> commentAuthors(List<io.labelledger.task.read.CommentView> comments) {
        return byId(comments, io.labelledger.task.read.CommentView::authorId);
    }

    @BatchMapping(typeName = "Comment", field = "resolvedBy")
    public Mono<Map<io.labelledger.task.read.CommentView, UserView>> commentResolvers(List<io.labelledger.task.read.CommentView> comments) {
        return byId(comments, io.labelledger.task.read.CommentView::resolvedById);
    }

    @BatchMapping(typeName = "Notification", field = "actor")
    public Mono<Map<io.labelledger.task.read.NotificationView, UserView>> notificationActors(List<io.labelledger.task.read.NotificationView> notifications) {
        return byId(notifications, io.labelledger.task.read.NotificationView::actorId);
    }

    /** One query for a batch; a key without a person (e.g. a comment nobody resolved) is left out: null. */
    private <K> Mono<Map<K, UserView>> byId(List<K> keys, Function<K, String> id) {
        return users.people(keys.stream().map(id).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                    .map(people -> keys.stream().filter(k -> id.apply(k) != null).distinct()
                            .collect(Collectors.toMap(Function.identity(), k -> people.get(id.apply(k)))));
    }

}
