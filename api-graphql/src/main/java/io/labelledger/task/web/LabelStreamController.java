package io.labelledger.task.web;

import io.labelledger.api.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The caller's label stream with its state: the labeling page shows why there is no task (paused, limit, done). */
@Controller
public class LabelStreamController {
    private final LabelStream stream;

    public LabelStreamController(LabelStream stream) {
        this.stream = stream;
    }

    @QueryMapping
    public Mono<LabelStream.Answer> labelStream(@Argument String projectId, @ContextValue Caller caller,
                                                @ContextValue(required = false) String clientIp) {
        return stream.next(caller, projectId, clientIp);
    }
}
