package io.labelledger.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/** The single-page app owns its routes (/projects/..., /audit): unknown GET paths that are not API or files get index.html. */
@Configuration
public class SpaRoutes {
    @Bean
    RouterFunction<ServerResponse> spaFallback() {
        Resource index = new ClassPathResource("static/index.html");
        return RouterFunctions.route(GET("/**")
                        .and(RequestPredicates.path("/api/**").negate())
                        .and(RequestPredicates.path("/graphql/**").negate())
                        .and(RequestPredicates.path("/graphql").negate())
                        .and(RequestPredicates.path("/saml/**").negate())
                        .and(RequestPredicates.path("/assets/**").negate())
                        .and(RequestPredicates.path("/scim/**").negate())
                        .and(RequestPredicates.path("/ls/**").negate()) // Label Studio's REST API (ADR 0050)
                        .and(req -> !req.path().contains(".")),
                req -> index.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index)
                        : ServerResponse.notFound().build());
    }
}
