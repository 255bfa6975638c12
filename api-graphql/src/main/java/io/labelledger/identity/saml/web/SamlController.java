package io.labelledger.identity.saml.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.saml.SamlEndpoints;
import io.labelledger.identity.saml.SpUrls;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.identity.web.Sessions;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The SAML protocol endpoints of an organization (public: the IdP and the browser reach them before any session):
 * SP metadata, the start of a sign-in (HTTP-Redirect binding) and the assertion consumer service (HTTP-POST binding).
 * {@link SamlEndpoints} does the work; this answers over HTTP and starts the same cookie session as a password sign-in.
 */
@RestController
@RequestMapping("/saml")
public class SamlController {
    private final SamlEndpoints saml;
    private final SpUrls urls;
    private final Sessions sessions;
    private final ClientIp clientIp;

    public SamlController(SamlEndpoints saml, SpUrls urls, Sessions sessions, ClientIp clientIp) {
        this.saml = saml;
        this.urls = urls;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    public record Refusal(List<UserError> errors, String reason) {}

    @GetMapping("/{org}/metadata")
    public Mono<ResponseEntity<String>> metadata(@PathVariable String org, ServerWebExchange exchange) {
        return saml.metadata(org, urls.base(exchange.getRequest()))
                   .map(xml -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml")).body(xml))
                   .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** Starts a sign-in: {@code org} is the organization's SSO slug or id. */
    @GetMapping("/{org}/login")
    public Mono<ResponseEntity<Object>> login(@PathVariable String org, ServerWebExchange exchange) {
        return saml.startSignIn(org, urls.base(exchange.getRequest()))
                   .map(url -> ResponseEntity.status(HttpStatus.FOUND).location(url).build())
                   .switchIfEmpty(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Refusal(
                           List.of(UserError.of(ErrorCode.NOT_FOUND, "organization", "No organization with single sign-on under this name")), null))));
    }

    @PostMapping(value = "/{org}/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<ResponseEntity<Object>> acs(@PathVariable String org, ServerWebExchange exchange) {
        String address = clientIp.of(exchange);
        String base = urls.base(exchange.getRequest());
        return exchange.getFormData()
                       .flatMap(form -> saml.consume(org, form.getFirst("SAMLResponse"), base, address))
                       .flatMap(result -> switch (result) {
                           case SamlEndpoints.SignedIn(var actor) -> sessions.signIn(Caller.from(actor), SignInMethod.SAML, actor.organizationId(), exchange)
                                   .thenReturn(signedIn());
                           case SamlEndpoints.Forbidden(var refusal) -> Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN)
                                   .<Object>body(new Refusal(List.of(UserError.of(refusal)), null)));
                           case SamlEndpoints.Rejected(String message, String reason) -> Mono.just(ResponseEntity.badRequest()
                                   .<Object>body(new Refusal(List.of(UserError.of(ErrorCode.SAML_REFUSED, "SAMLResponse", message)), reason)));
                       });
    }

    /**
     * The session cookie is SameSite=Strict: on this cross-site POST's answer it is set but would not be sent on a
     * redirect; a page of ours that moves on is a same-site navigation, so the app opens signed in.
     */
    private static ResponseEntity<Object> signedIn() {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=/projects\">"
                      + "<title>Signed in</title></head><body><a href=\"/projects\">Continue</a></body></html>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }
}
