package io.labelledger.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.access.AccessDeniedException;

/** Scalars, limits against abusive queries, and errors that never leak internals. */
@Configuration
public class GraphQlConfig {
    private static final Logger log = LoggerFactory.getLogger(GraphQlConfig.class);
    public static final int MAX_DEPTH = 12;

    @Bean
    RuntimeWiringConfigurer scalars() {
        return Scalars.wiring();
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    /** Page sizes count (QueryCost): tasks(first: 200) weighs 200 rows. */
    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return QueryCost.complexity();
    }

    @Bean
    QueryCost.AliasLimit aliasLimit() {
        return new QueryCost.AliasLimit();
    }

    @Bean
    WebGraphQlInterceptor graphQlContextInterceptor(io.labelledger.api.live.LiveAccess live) {
        return new GraphQlContextInterceptor(live);
    }

    @Bean
    io.labelledger.api.live.LiveAccess liveAccess(io.labelledger.identity.account.Principals principals,
                                                  org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer redis) {
        return new io.labelledger.api.live.LiveAccess(principals, redis);
    }

    /** Spring Boot's graphql-ws handler, with its sockets tracked so that an access change closes them (ADR 0027). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor liveSockets(
            org.springframework.beans.factory.ObjectProvider<org.springframework.graphql.server.WebGraphQlHandler> graphQl,
            org.springframework.beans.factory.ObjectProvider<io.labelledger.api.live.LiveAccess> live) {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof org.springframework.graphql.server.webflux.GraphQlWebSocketHandler handler
                        && !(bean instanceof io.labelledger.api.live.LiveSocketHandler)) {
                    return new io.labelledger.api.live.LiveSocketHandler(handler, graphQl.getObject(), live.getObject());
                }
                return bean;
            }
        };
    }

    @Bean
    DataFetcherExceptionResolver exceptionResolver() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof IllegalArgumentException) {
                    return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
                }
                if (ex instanceof AccessDeniedException) {
                    return error(env, ErrorType.UNAUTHORIZED, "Not signed in");
                }
                if (ex instanceof io.labelledger.shared.DomainException d) {
                    // the stable code and the input field, as a payload's UserError has them (e.g. a refused Data Manager filter)
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(d.getMessage())
                                              .extensions(java.util.Map.of("code", d.code().name(), "field", d.field())).build();
                }
                if (io.labelledger.shared.Busy.is(ex)) { // Redis or a database pool did not answer in time: retryable, not a bug (issue 9)
                    log.warn("Busy in {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR).message(io.labelledger.shared.Busy.MESSAGE)
                                              .extensions(java.util.Map.of("code", "UNAVAILABLE")).build();
                }
                log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
                return error(env, ErrorType.INTERNAL_ERROR, "Internal error");
            }
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
