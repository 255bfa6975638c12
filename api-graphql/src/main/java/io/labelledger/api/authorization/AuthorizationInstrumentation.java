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

    public AuthorizationInstrumentation(Authorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (!(env.getParentType() instanceof GraphQLObjectType parent) || !ROOTS.contains(parent.getName())) return fetcher;
        String operation = parent.getName() + "." + env.getField().getName();
        return e -> {
            Caller caller = e.getGraphQlContext().get(GraphQlContextInterceptor.CALLER);
            // resolvers continue on boundedElastic, never on the R2DBC event loop that answered the decision
            Mono<Boolean> decision = authorization.allows(caller, operation, e.getArguments())
                                                  .publishOn(reactor.core.scheduler.Schedulers.boundedElastic());
            if (parent.getName().equals("Subscription")) {
                return decision.flatMapMany(allowed -> {
                    if (!allowed) {
                        // the graphql-ws error message carries this GraphQL error (classification FORBIDDEN)
                        return Flux.error(new org.springframework.graphql.execution.SubscriptionPublisherException(List.of(
                                GraphqlErrorBuilder.newError(e).errorType((ErrorClassification) ErrorType.FORBIDDEN).message(MESSAGE).build()),
                                new Denied()));
                    }
                    try {
                        return Flux.from(asPublisher(fetcher.get(e)));
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
    private static Object emptyValue(GraphQLOutputType type) {
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
