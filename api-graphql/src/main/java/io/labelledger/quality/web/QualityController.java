package io.labelledger.quality.web;

import io.labelledger.api.Caller;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.quality.agreement.AgreementNotifier;
import io.labelledger.quality.metrics.ControlKind;
import io.labelledger.quality.read.AgreementAsOf;
import io.labelledger.quality.read.QualityQueries;
import io.labelledger.quality.read.QualityViews.AgreementCellView;
import io.labelledger.quality.read.QualityViews.AnnotatorQualityView;
import io.labelledger.quality.read.QualityViews.ProjectQualityView;
import io.labelledger.quality.read.QualityViews.TaskAgreementView;
import io.labelledger.shared.Ids;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Agreement (issue 13): a project's figures, matrix, people and tasks, one task now or as of an instant, the metric
 * catalogue, and live rescoring. Who may see what is rules.csv's (annotators never see other people's scores).
 */
@Controller
public class QualityController {
    private final QualityQueries quality;
    private final AgreementAsOf asOf;
    private final UserQueries users;
    private final ReactiveRedisMessageListenerContainer redis;

    public QualityController(QualityQueries quality, AgreementAsOf asOf, UserQueries users, ReactiveRedisMessageListenerContainer redis) {
        this.quality = quality;
        this.asOf = asOf;
        this.users = users;
        this.redis = redis;
    }

    /** The caller's organization travels with the figures, so that nested fields stay inside it. */
    public record ProjectQuality(ProjectQualityView view, String organizationId) {
        public String projectId() { return view.projectId(); }
        public Double agreement() { return view.agreement(); }
        public int scoredTasks() { return view.scoredTasks(); }
        public Double modelAgreement() { return view.modelAgreement(); }
        public Double groundTruthAccuracy() { return view.groundTruthAccuracy(); }
        public int groundTruthTasks() { return view.groundTruthTasks(); }
    }

    public record Parameter(String name, double defaultValue) {}

    public record Metric(String name, List<Parameter> parameters) {}

    public record ControlMetrics(List<String> resultTypes, List<Metric> metrics) {}

    @QueryMapping
    public Mono<ProjectQuality> projectQuality(@Argument String projectId, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.empty();
        return quality.project(caller.organizationId(), projectId).map(v -> new ProjectQuality(v, caller.organizationId()));
    }

    @SchemaMapping(typeName = "ProjectQuality")
    public Mono<List<AgreementCellView>> matrix(ProjectQuality q) {
        return quality.matrix(q.organizationId(), q.projectId()).collectList();
    }

    @SchemaMapping(typeName = "ProjectQuality")
    public Mono<List<AnnotatorQualityView>> annotators(ProjectQuality q) {
        return quality.annotators(q.organizationId(), q.projectId()).collectList();
    }

    @SchemaMapping(typeName = "ProjectQuality")
    public Mono<List<TaskAgreementView>> tasks(ProjectQuality q, @Argument Integer first, @Argument Boolean lowestFirst) {
        return quality.tasks(q.organizationId(), q.projectId(), first == null ? 100 : first, lowestFirst == null || lowestFirst).collectList();
    }

    @BatchMapping(typeName = "AnnotatorQuality", field = "user")
    public Mono<Map<AnnotatorQualityView, UserView>> annotatorUsers(List<AnnotatorQualityView> people) {
        return users.people(people.stream().map(AnnotatorQualityView::userId).collect(Collectors.toSet()))
                    .map(byId -> people.stream().distinct().collect(Collectors.toMap(Function.identity(),
                            p -> byId.getOrDefault(p.userId(), new UserView(p.userId(), UserView.UNKNOWN)))));
    }

    /** Live from the projection, or recomputed from the events as of {@code asOf} (not in the future). */
    @QueryMapping
    public Mono<TaskAgreementView> taskAgreement(@Argument String taskId, @Argument Instant asOf, @ContextValue Caller caller) {
        if (!Ids.isUuid(taskId)) return Mono.empty();
        if (asOf == null) return quality.task(caller.organizationId(), taskId);
        return quality.predictions(taskId).collectList()
                      .flatMap(predictions -> Mono.fromCallable(() -> this.asOf.at(caller.organizationId(), taskId, asOf, predictions))
                                                  .subscribeOn(Schedulers.boundedElastic()))
                      .flatMap(Mono::justOrEmpty);
    }

    @QueryMapping
    public List<ControlMetrics> agreementMetrics() {
        return Arrays.stream(ControlKind.values())
                     .map(k -> new ControlMetrics(k.resultTypes(), k.metrics().stream()
                             .map(m -> new Metric(m.name(), m.params().entrySet().stream()
                                     .map(e -> new Parameter(e.getKey(), e.getValue())).toList()))
                             .toList()))
                     .toList();
    }

    @SchemaMapping(typeName = "MetricParameter", field = "default")
    public double parameterDefault(Parameter p) { return p.defaultValue(); }

    /** The projection publishes each rescored task on Redis after its commit; every replica serves its own subscribers. */
    @SubscriptionMapping
    public Flux<TaskAgreementView> agreementChanged(@Argument String projectId, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Flux.empty();
        // a project of another organization has no figures: the stream ends at once
        return quality.project(caller.organizationId(), projectId)
                      .flatMapMany(p -> redis.receive(ChannelTopic.of(AgreementNotifier.CHANNEL_PREFIX + projectId)))
                      .concatMap(message -> quality.task(caller.organizationId(), message.getMessage()));
    }
}
