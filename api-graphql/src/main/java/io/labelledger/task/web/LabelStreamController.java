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
    private final DataManagerFilters filters;

    public LabelStreamController(LabelStream stream, DataManagerFilters filters) {
        this.stream = stream;
        this.filters = filters;
    }

    @QueryMapping
    public Mono<LabelStream.Answer> labelStream(@Argument String projectId, @Argument DataManagerFilters.TaskSelectionInput selection,
                                                @ContextValue Caller caller, @ContextValue(required = false) String clientIp) {
        // a Data Manager selection ("label the selected", ADR 0038) narrows the candidates; none: the whole project
        return filters.compiled(caller, projectId, selection).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                      .flatMap(sql -> stream.next(caller, projectId, clientIp, sql.orElse(null)));
    }
}
