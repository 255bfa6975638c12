package io.labelledger.quality.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.project.api.ChangeQualitySettings;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.QualitySettings;
import io.labelledger.projection.Projection;
import io.labelledger.quality.read.QualityViews.QualitySettingsView;
import io.labelledger.shared.ErrorCode;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.quality.agreement.AgreementNotifier;
import io.labelledger.quality.metrics.ControlKind;
import io.labelledger.quality.read.AgreementAsOf;
import io.labelledger.quality.read.QualityQueries;
import io.labelledger.quality.read.QualityViews.AgreementCellView;
import io.labelledger.quality.read.QualityViews.AnnotatorQualityView;
import io.labelledger.quality.read.QualityViews.ChanceAgreementView;
import io.labelledger.quality.read.QualityViews.ProjectQualityView;
import io.labelledger.quality.read.QualityViews.TaskAgreementView;
import io.labelledger.shared.Ids;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
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
    private final Commands commands;
    private final ReadYourWrites readYourWrites;

    public QualityController(QualityQueries quality, AgreementAsOf asOf, UserQueries users, ReactiveRedisMessageListenerContainer redis,
                             Commands commands, ReadYourWrites readYourWrites) {
        this.quality = quality;
        this.asOf = asOf;
        this.users = users;
        this.redis = redis;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    public record ChangeQualitySettingsInput(String projectId, List<ControlQualityInput> controls) {}

    public record ControlQualityInput(String control, String metric, List<ParameterInput> parameters, Double weight,
                                      List<LabelWeightInput> labelWeights) {}

    public record ParameterInput(String name, Double value) {}

    public record LabelWeightInput(String label, Double weight) {}

    public record QualitySettingsPayload(QualitySettingsView settings, List<UserError> errors) {}

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

    /** Computed on read over the project's live categorical answers (ADR 0049). */
    @SchemaMapping(typeName = "ProjectQuality")
    public Mono<List<ChanceAgreementView>> chanceCorrected(ProjectQuality q) {
        return quality.chanceAgreement(q.organizationId(), q.projectId());
    }

    @SchemaMapping(typeName = "ProjectQuality")
    public Mono<QualitySettingsView> settings(ProjectQuality q) {
        return quality.settings(q.organizationId(), q.projectId()).defaultIfEmpty(QualitySettingsView.DEFAULTS);
    }

    /** A command on the Project aggregate (checked against its labeling config); the quality projection rescores the tasks. */
    @MutationMapping
    public Mono<QualitySettingsPayload> changeQualitySettings(@Argument ChangeQualitySettingsInput input, @ContextValue Caller caller,
                                                              @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) {
            return Mono.just(new QualitySettingsPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found"))));
        }
        QualitySettings settings;
        try {
            settings = settings(input.controls());
        } catch (IllegalArgumentException e) {
            return Mono.just(new QualitySettingsPayload(null, List.of(UserError.of(ErrorCode.VALIDATION, "controls", e.getMessage()))));
        }
        var cmd = new ChangeQualitySettings(new ProjectId(input.projectId()), caller.organization(), settings, caller.user());
        return commands.send(cmd, caller, clientIp).flatMap(r -> !r.ok()
                ? Mono.just(new QualitySettingsPayload(null, List.of(r.error())))
                : readYourWrites.await(input.projectId(), Projection.QUALITY)
                                .then(quality.settings(caller.organizationId(), input.projectId()))
                                .map(s -> new QualitySettingsPayload(s, List.of()))
                                .defaultIfEmpty(new QualitySettingsPayload(null, List.of())));
    }

    /** The input as the event's value; a control, parameter or label named twice is refused (IllegalArgumentException). */
    private static QualitySettings settings(List<ControlQualityInput> controls) {
        Map<String, QualitySettings.ControlQuality> out = new java.util.LinkedHashMap<>();
        for (ControlQualityInput c : controls == null ? List.<ControlQualityInput>of() : controls) {
            if (c.control() == null || c.control().isBlank()) throw new IllegalArgumentException("Name each control");
            Map<String, Double> parameters = new java.util.LinkedHashMap<>();
            for (ParameterInput p : c.parameters() == null ? List.<ParameterInput>of() : c.parameters()) {
                if (parameters.put(p.name(), p.value()) != null) throw new IllegalArgumentException(c.control() + ": parameter " + p.name() + " given twice");
            }
            Map<String, Double> labels = new java.util.LinkedHashMap<>();
            for (LabelWeightInput w : c.labelWeights() == null ? List.<LabelWeightInput>of() : c.labelWeights()) {
                if (labels.put(w.label(), w.weight()) != null) throw new IllegalArgumentException(c.control() + ": label " + w.label() + " given twice");
            }
            var quality = new QualitySettings.ControlQuality(c.metric() == null || c.metric().isBlank() ? null : c.metric(), parameters,
                    c.weight() == null ? 1 : c.weight(), labels);
            if (out.put(c.control(), quality) != null) throw new IllegalArgumentException("Control " + c.control() + " given twice");
        }
        return new QualitySettings(out);
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
