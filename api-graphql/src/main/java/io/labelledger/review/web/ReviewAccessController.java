package io.labelledger.review.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.project.read.ProjectView;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Whether the caller may review in a project, for the UI to offer Accept / Reject and the review queue. Decided by
 * the same rule as the operations themselves (rules.csv, Query.nextReviewTask = Mutation.reviewAnnotation), so the
 * answer never differs from what the server would allow.
 */
@Controller
public class ReviewAccessController {
    private final Authorization authorization;

    public ReviewAccessController(Authorization authorization) {
        this.authorization = authorization;
    }

    @SchemaMapping(typeName = "Project", field = "canReview")
    public Mono<Boolean> canReview(ProjectView project, @ContextValue Caller caller) {
        return authorization.allows(caller, "Query.nextReviewTask", Map.of("projectId", project.id()));
    }
}
