package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.shared.Ids;
import io.labelledger.task.importing.LabelStudioTaskParser.Rejection;
import io.labelledger.task.jobs.ImportJob;
import io.labelledger.task.jobs.ImportJobProgress;
import io.labelledger.task.jobs.ImportJobStore;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Set;

/**
 * Import jobs: one by id, a project's list, and live progress. Owners and Admins see every job of their
 * organization; a Manager sees the jobs they started. The organization comes from the caller only.
 */
@Controller
public class ImportJobQueryController {
    private static final Set<OrganizationRole> SEE_ALL = Set.of(OrganizationRole.OWNER, OrganizationRole.ADMIN);

    private final ImportJobStore jobs;
    private final ReactiveRedisMessageListenerContainer redis;

    public ImportJobQueryController(ImportJobStore jobs, ReactiveRedisMessageListenerContainer redis) {
        this.jobs = jobs;
        this.redis = redis;
    }

    @QueryMapping
    public Mono<ImportJob> importJob(@Argument String id, @ContextValue Caller caller) {
        return find(caller, id);
    }

    @QueryMapping
    public Mono<List<ImportJob>> importJobs(@Argument String projectId, @Argument Integer first, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.just(List.of());
        int n = first == null ? 20 : Math.clamp(first, 1, 100);
        return Mono.fromCallable(() -> jobs.list(caller.organizationId(), projectId, ownerFilter(caller), n))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** The job as it is now, then again on every change; ends when the job has ended. Unknown job: ends at once. */
    @SubscriptionMapping("importJob")
    public Flux<ImportJob> importJobProgress(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Flux.empty();
        // listen first, then read: a change between the two is not lost
        return redis.receiveLater(ChannelTopic.of(ImportJobProgress.CHANNEL_PREFIX + id))
                    .flatMapMany(changes -> find(caller, id).flatMapMany(now -> now.state().terminal()
                            ? Flux.just(now)
                            : Flux.concat(Mono.just(now), changes.onBackpressureLatest().concatMap(m -> find(caller, id), 1))
                                  .distinctUntilChanged()
                                  .takeUntil(job -> job.state().terminal())));
    }

    @SchemaMapping(typeName = "ImportJob")
    public Mono<List<Rejection>> rejected(ImportJob job, @Argument Integer first) {
        int n = first == null ? 100 : Math.clamp(first, 0, ImportJobStore.MAX_REJECTIONS_KEPT);
        if (n == 0) return Mono.just(List.of());
        return Mono.fromCallable(() -> jobs.rejections(job.id(), n)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<ImportJob> find(Caller caller, String id) {
        if (!Ids.isUuid(id)) return Mono.empty();
        return Mono.fromCallable(() -> jobs.get(caller.organizationId(), id, ownerFilter(caller)))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty);
    }

    /** Null for Owners and Admins (all jobs), else the caller's own user id. */
    private static String ownerFilter(Caller caller) {
        return SEE_ALL.contains(caller.organizationRole()) ? null : caller.userId();
    }

}
