package io.labelledger.integration.labelstudio;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.server.WebFilter;

/**
 * Label Studio's clients write paths with and without a trailing slash ({@code DELETE /api/projects/1/},
 * {@code GET /api/projects}); under {@code /ls} both reach the same endpoint (ADR 0050).
 */
@Configuration
public class LabelStudioWebConfig {
    @Bean
    WebFilter labelStudioTrailingSlash() {
        return UrlHandlerFilter.trailingSlashHandler("/ls/**").mutateRequest().build();
    }
}
