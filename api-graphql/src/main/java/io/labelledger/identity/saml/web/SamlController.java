package io.labelledger.identity.saml.web;

import io.labelledger.identity.saml.SamlRefused;
import io.labelledger.identity.saml.SamlSignIn;
import io.labelledger.identity.saml.SamlState;
import io.labelledger.identity.account.Actor;
import io.labelledger.identity.saml.SpMessages;
import io.labelledger.identity.saml.SpUrls;
import io.labelledger.identity.saml.SsoKeys;
import io.labelledger.identity.saml.SsoStore;
import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.saml.SamlRefused.Reason;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.identity.web.Sessions;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * The SAML protocol endpoints of an organization (public: the IdP and the browser reach them before any session):
 * SP metadata, the start of a sign-in (a signed AuthnRequest, HTTP-Redirect binding) and the assertion consumer
 * service (HTTP-POST binding): {@link SamlSignIn} checks the response and provisions the person, and this starts the
 * same cookie session as a password sign-in.
 */
@RestController
@RequestMapping("/saml")
public class SamlController {
    private static final Logger log = LoggerFactory.getLogger(SamlController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SsoStore store;
    private final SsoKeys keys;
    private final SamlState state;
    private final SpUrls urls;
    private final IdentityStore identities;
    private final SamlSignIn signIn;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final Clock clock;

    public SamlController(SsoStore store, SsoKeys keys, SamlState state, SpUrls urls, IdentityStore identities, SamlSignIn signIn,
                          Sessions sessions, ClientIp clientIp, Clock clock) {
        this.signIn = signIn;
        this.store = store;
        this.keys = keys;
        this.state = state;
        this.urls = urls;
        this.identities = identities;
        this.sessions = sessions;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    public record Refusal(List<UserError> errors, String reason) {}

    @GetMapping("/{org}/metadata")
    public Mono<ResponseEntity<String>> metadata(@PathVariable String org, ServerWebExchange exchange) {
        return config(org).map(c -> {
            String base = urls.base(exchange.getRequest());
            String xml = SpMessages.metadata(base + SpUrls.metadataPath(c.organizationId()), base + SpUrls.acsPath(c.organizationId()),
                    SsoKeys.parsePem(c.spCertificate()).getFirst());
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml")).body(xml);
        }).defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** Starts a sign-in: {@code org} is the organization's SSO slug or id. */
    @GetMapping("/{org}/login")
    public Mono<ResponseEntity<Object>> login(@PathVariable String org, ServerWebExchange exchange) {
        return config(org).filter(SsoStore.SsoConfig::enabled).flatMap(c -> {
            String requestId = "_" + HexFormat.of().formatHex(randomBytes());
            String base = urls.base(exchange.getRequest());
            return Mono.fromCallable(() -> SpMessages.redirectUrl(c.idpSsoUrl(), requestId, base + SpUrls.metadataPath(c.organizationId()),
                               base + SpUrls.acsPath(c.organizationId()), clock.instant(), keys.open(c.sealedKey(), c.organizationId())))
                       .subscribeOn(Schedulers.boundedElastic())
                       .flatMap(url -> state.issued(c.organizationId(), requestId)
                               .thenReturn(ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build()));
        }).switchIfEmpty(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Refusal(
                List.of(UserError.of(ErrorCode.NOT_FOUND, "organization", "No organization with single sign-on under this name")), null))));
    }

    @PostMapping(value = "/{org}/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<ResponseEntity<Object>> acs(@PathVariable String org, ServerWebExchange exchange) {
        String address = clientIp.of(exchange);
        String base = urls.base(exchange.getRequest());
        return Mono.fromCallable(() -> store.byOrganization(org)).subscribeOn(Schedulers.boundedElastic()).flatMap(found -> {
            SsoStore.SsoConfig c = found.filter(SsoStore.SsoConfig::enabled).orElse(null);
            if (c == null) return Mono.just(refusal(new SamlRefused(Reason.NOT_CONFIGURED, "single sign-on is not enabled")));
            return exchange.getFormData()
                           .flatMap(form -> signIn.consume(c, form.getFirst("SAMLResponse"), base, address))
                           .flatMap(result -> switch (result) {
                               case SamlSignIn.Refused refused -> Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN)
                                       .<Object>body(new Refusal(List.of(UserError.of(refused.error())), null)));
                               case SamlSignIn.Accepted(Actor actor) -> startSession(Caller.from(actor), exchange)
                                       .then(Mono.fromCallable(() -> {
                                           identities.loggedIn(actor.userId());
                                           return signedIn();
                                       }).subscribeOn(Schedulers.boundedElastic()));
                           })
                           .onErrorResume(SamlRefused.class, refused -> record(c.organizationId(), refused, address).thenReturn(refusal(refused)));
        });
    }

    private Mono<SsoStore.SsoConfig> config(String key) {
        if (key == null || key.length() > 64) return Mono.empty();
        return Mono.fromCallable(() -> store.bySlugOrId(key)).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty);
    }

    private Mono<Void> startSession(Caller caller, ServerWebExchange exchange) {
        return sessions.signIn(caller, io.labelledger.identity.api.SignInMethod.SAML, caller.organizationId(), exchange);
    }

    private Mono<Void> record(String organizationId, SamlRefused refused, String address) {
        log.debug("SAML sign-in refused for organization {}: {}", organizationId, refused.reason());
        return Mono.fromRunnable(() -> store.refused(organizationId, refused.reason().name(), address, refused.getMessage()))
                   .subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static ResponseEntity<Object> refusal(SamlRefused refused) {
        return ResponseEntity.badRequest().body(new Refusal(List.of(UserError.of(ErrorCode.SAML_REFUSED, "SAMLResponse",
                refused.getMessage())), refused.reason().name()));
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

    private static byte[] randomBytes() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return b;
    }
}
