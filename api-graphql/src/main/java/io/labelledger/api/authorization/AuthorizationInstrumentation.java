package io.labelledger.api.authorization;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.labelledger.api.Caller;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.api.UserError;
import io.labelledger.api.live.LiveAccess;
import io.labelledger.shared.ErrorCode;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The single choke point: every data fetcher of a root field (Query, Mutation, Subscription) is wrapped here, so
 * no resolver can skip the {@link Authorization} decision. Denied mutations answer their payload with a FORBIDDEN
 * user error; denied queries answer null with a FORBIDDEN GraphQL error; denied subscriptions end with that error.
 */
public class AuthorizationInstrumentation implements Instrumentation {
    static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");
    static final String MESSAGE = "Your role does not allow this";
    private final Authorization authorization;
    private final LiveAccess live;

    /** Types with rules on their own fields (e.g. Workspace.members); other nested fields inherit their root's decision. */
    private final Set<String> nestedRuleTypes;

    /** {@code live}: subscriptions decide every event again with the member's current role. */
    public AuthorizationInstrumentation(Authorization authorization, LiveAccess live) {
        this.authorization = authorization;
        this.live = live;
        this.nestedRuleTypes = authorization.rules().all().values().stream().filter(r -> r.kind() == Rules.Kind.NESTED)
                .map(r -> r.operation().substring(0, r.operation().indexOf('.'))).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (!(env.getParentType() instanceof GraphQLObjectType parent)) return fetcher;
        if (!ROOTS.contains(parent.getName())) {
            if (!nestedRuleTypes.contains(parent.getName())) return fetcher; // every field of every object passes here
            String operation = parent.getName() + "." + env.getField().getName();
            return authorization.rules().get(operation) == null ? fetcher : nested(fetcher, operation);
        }
        String operation = parent.getName() + "." + env.getField().getName();
        return e -> {
            Caller caller = e.getGraphQlContext().get(GraphQlContextInterceptor.CALLER);
            String clientIp = e.getGraphQlContext().get(GraphQlContextInterceptor.CLIENT_IP);
            // resolvers continue on boundedElastic, never on the R2DBC event loop that answered the decision
            Mono<Boolean> decision = decide(e, caller, operation, e.getArguments(), clientIp)
                                                  .publishOn(reactor.core.scheduler.Schedulers.boundedElastic());
            if (parent.getName().equals("Subscription")) {
                return decision.flatMapMany(allowed -> {
                    if (!allowed) return Flux.error(refusal(e));
                    try {
                        return stillAllowed(Flux.from(asPublisher(fetcher.get(e))), e, caller, operation, clientIp);
                    } catch (Exception ex) {
                        return Flux.error(ex);
                    }
                });
            }
            return decision.toFuture().thenCompose(allowed -> {
                if (!allowed) return CompletableFuture.completedFuture(denied(e, parent.getName()));
                try {
                    return unwrap(fetcher.get(e));
                } catch (Exception ex) {
                    return CompletableFuture.failedFuture(ex);
                }
            });
        };
    }

    private Mono<Boolean> decide(DataFetchingEnvironment e, Caller caller, String operation, Map<String, Object> arguments, String clientIp) {
        if (caller == null) {
            // a socket whose member was deactivated: refused, and recorded under the person it was opened for
            Caller former = e.getGraphQlContext().get(GraphQlContextInterceptor.FORMER_CALLER);
            if (former != null) return authorization.refuse(former, operation, arguments, clientIp);
        }
        return authorization.decide(caller, operation, arguments, clientIp);
    }

    /**
     * A nested field with a rule (allow or deny by organization role, nothing to look up): decided in place, so that
     * batch loaders are called in the same dispatch as without the rule. Refused: an empty value and a FORBIDDEN error.
     */
    private DataFetcher<?> nested(DataFetcher<?> fetcher, String operation) {
        return e -> {
            Caller caller = e.getGraphQlContext().get(GraphQlContextInterceptor.CALLER);
            Rules.Rule rule = authorization.rules().get(operation);
            if (caller != null && rule.of(caller.organizationRole()) == Rules.Access.ALLOW) return fetcher.get(e);
            DataFetcherResult<Object> refused = DataFetcherResult.newResult()
                    .data(emptyValue(e.getFieldType()))
                    .error(GraphqlErrorBuilder.newError(e).errorType((ErrorClassification) ErrorType.FORBIDDEN).message(MESSAGE).build())
                    .build();
            if (caller == null) return refused;
            return authorization.decide(caller, operation, Map.of(), e.getGraphQlContext().get(GraphQlContextInterceptor.CLIENT_IP))
                                .thenReturn(refused).toFuture();
        };
    }

    /**
     * Every event of a subscription is decided again with the member's current role and standing, and so is the
     * subscription as soon as their access changes (on any replica): a deactivated or demoted member's stream ends
     * with FORBIDDEN instead of delivering the next row.
     */
    private Flux<Object> stillAllowed(Flux<Object> events, DataFetchingEnvironment e, Caller caller, String operation, String clientIp) {
        Flux<Object> signals = Flux.merge(events.concatWith(Mono.just(END)), live.changesOf(caller).map(changed -> CHANGED))
                                   .takeUntil(signal -> signal == END)
                                   .filter(signal -> signal != END);
        // an access change is decided at once; rows reuse the last decision for at most REDECIDE_MS (a burst of
        // 1,000 imported rows costs one lookup, not 1,000)
        java.util.concurrent.atomic.AtomicLong decidedAt = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
        return signals.concatMap(signal -> {
            long now = reactor.core.scheduler.Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS);
            if (signal != CHANGED && decidedAt.get() != Long.MIN_VALUE && now - decidedAt.get() < REDECIDE_MS) return Mono.just(signal);
            return live.current(caller)
                    .flatMap(current -> authorization.decide(current, operation, e.getArguments(), clientIp))
                    .switchIfEmpty(Mono.defer(() -> authorization.refuse(caller, operation, e.getArguments(), clientIp)))
                    .flatMapMany(allowed -> {
                        if (!allowed) return Mono.error(refusal(e));
                        decidedAt.set(now);
                        return signal == CHANGED ? Mono.empty() : Mono.just(signal);
                    });
        });
    }

    /** How long a subscription's last decision stands for its next rows when the member's access did not change. */
    static final long REDECIDE_MS = 1_000;

    /** Markers among a subscription's events: its source ended; the member's access changed. */
    private static final Object END = new Object();
    private static final Object CHANGED = new Object();

    private static Throwable refusal(DataFetchingEnvironment e) {
        // the graphql-ws error message carries this GraphQL error (classification FORBIDDEN)
        return new org.springframework.graphql.execution.SubscriptionPublisherException(List.of(
                GraphqlErrorBuilder.newError(e).errorType((ErrorClassification) ErrorType.FORBIDDEN).message(MESSAGE).build()),
                new Denied());
    }

    /** A refusal for subscriptions (their errors travel as graphql-ws error messages). */
    public static class Denied extends RuntimeException {
        Denied() { super(MESSAGE, null, false, false); }
    }

    @SuppressWarnings("unchecked")
    private static Publisher<Object> asPublisher(Object value) {
        if (value instanceof Publisher<?> p) return (Publisher<Object>) p;
        if (value instanceof CompletionStage<?> stage) return Mono.fromCompletionStage(stage).flatMapMany(v -> asPublisher(v));
        return value == null ? Flux.empty() : Flux.just(value);
    }

    @SuppressWarnings("unchecked")
    private static CompletionStage<Object> unwrap(Object value) {
        if (value instanceof CompletionStage<?> stage) return (CompletionStage<Object>) stage;
        if (value instanceof Mono<?> mono) return (CompletableFuture<Object>) mono.toFuture();
        return CompletableFuture.completedFuture(value);
    }

    private static Object denied(DataFetchingEnvironment env, String root) {
        GraphQLOutputType type = env.getFieldType();
        GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (root.equals("Mutation") && inner instanceof GraphQLObjectType payload && payload.getFieldDefinition("errors") != null) {
            Map<String, Object> data = new HashMap<>();
            for (GraphQLFieldDefinition f : payload.getFieldDefinitions()) data.put(f.getName(), emptyValue(f.getType()));
            data.put("errors", List.of(UserError.of(ErrorCode.FORBIDDEN, null, MESSAGE)));
            return data;
        }
        return DataFetcherResult.newResult()
                .error(GraphqlErrorBuilder.newError(env).errorType((ErrorClassification) ErrorType.FORBIDDEN).message(MESSAGE).build())
                .build();
    }

    /** What a required field of a refused payload holds: nothing, zero, false. */
    static Object emptyValue(GraphQLOutputType type) {
        if (!(type instanceof GraphQLNonNull nonNull)) return null;
        GraphQLType inner = nonNull.getWrappedType();
        if (inner instanceof GraphQLList) return List.of();
        if (inner instanceof GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "Int" -> 0;
                case "Float" -> 0.0;
                case "Boolean" -> false;
                default -> "";
            };
        }
        return null;
    }
}
