package io.labelledger.api;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/** Headers, cookie and body limits of issue 9 #14: {@link SecurityHeaders}, {@link UnauthenticatedBodyLimit}. */
@Configuration(proxyBeanMethods = false)
public class HttpHardeningConfig {
    @Bean
    SecurityHeaders securityHeaders(@Value("${labelledger.public-url:}") String publicUrl,
                                    @Value("${labelledger.csp.frame-policy:}") String framePolicy) {
        return new SecurityHeaders(publicUrl, framePolicy);
    }

    @Bean
    UnauthenticatedBodyLimit unauthenticatedBodyLimit(@Value("${labelledger.http.max-unauthenticated-bytes:16384}") long maxBytes,
                                                      @Value("${labelledger.http.max-saml-bytes:262144}") long maxSamlBytes) {
        return new UnauthenticatedBodyLimit(maxBytes, maxSamlBytes);
    }

    /** Served over HTTPS (labelledger.public-url https://...): the session cookie is Secure. */
    @Bean
    static BeanPostProcessor secureSessionCookie(@Value("${labelledger.public-url:}") String publicUrl) {
        boolean https = new SecurityHeaders(publicUrl, null).https();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                if (https && bean instanceof CookieWebSessionIdResolver cookies) secure(cookies);
                return bean;
            }
        };
    }

    /** Saves of a session signed out meanwhile are dropped instead of failing the request ({@link SignedOutSessionSaves}). */
    @Bean
    static BeanPostProcessor signedOutSessionSaves() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                return bean instanceof ReactiveSessionRepository store && !(bean instanceof SignedOutSessionSaves)
                        ? new SignedOutSessionSaves(store) : bean;
            }
        };
    }

    static void secure(CookieWebSessionIdResolver cookies) {
        cookies.addCookieInitializer(cookie -> cookie.secure(true));
    }
}
