package io.labelledger.identity.saml.web;

import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.identity.saml.ResponseValidator;
import io.labelledger.identity.saml.RoleMapper;
import io.labelledger.identity.saml.SamlRefused;
import io.labelledger.identity.saml.SamlState;
import io.labelledger.identity.saml.SpMessages;
import io.labelledger.identity.saml.SpUrls;
import io.labelledger.identity.saml.SsoKeys;
import io.labelledger.identity.saml.SsoStore;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.saml.SamlRefused.Reason;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.identity.web.Sessions;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.projection.Projection;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SAML protocol endpoints of an organization (public: the IdP and the browser reach them before any session):
 * SP metadata, the start of a sign-in (a signed AuthnRequest, HTTP-Redirect binding) and the assertion consumer
 * service (HTTP-POST binding), which provisions the person and starts the same cookie session as a password sign-in.
 */
@RestController
@RequestMapping("/saml")
public class SamlController {
    private final DirectoryQueries directory;
    private static final Logger log = LoggerFactory.getLogger(SamlController.class);
    /** Not a BCrypt hash: no password ever matches it, so SSO-created accounts cannot sign in with a password. */
    public static final String NO_PASSWORD = "!sso";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SsoStore store;
    private final SsoKeys keys;
    private final SamlState state;
    private final SpUrls urls;
    private final IdentityStore identities;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final Clock clock;

    public SamlController(SsoStore store, SsoKeys keys, SamlState state, SpUrls urls, IdentityStore identities, Commands commands,
                          ReadYourWrites readYourWrites, Sessions sessions, ClientIp clientIp, Clock clock, DirectoryQueries directory) {
        this.directory = directory;
        this.store = store;
        this.keys = keys;
        this.state = state;
        this.urls = urls;
        this.identities = identities;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
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
                           .flatMap(form -> consume(c, form.getFirst("SAMLResponse"), base, exchange))
                           .onErrorResume(SamlRefused.class, refused -> record(c.organizationId(), refused, address).thenReturn(refusal(refused)));
        });
    }

    private Mono<ResponseEntity<Object>> consume(SsoStore.SsoConfig c, String samlResponse, String base, ServerWebExchange exchange) {
        Instant now = clock.instant();
        var expected = new ResponseValidator.Expected(c.idpEntityId(), SsoKeys.parsePem(c.idpCertificates()),
                base + SpUrls.metadataPath(c.organizationId()), base + SpUrls.acsPath(c.organizationId()), now);
        return Mono.fromCallable(() -> ResponseValidator.validate(samlResponse, expected)).subscribeOn(Schedulers.boundedElastic())
                   .onErrorMap(e -> !(e instanceof SamlRefused), e -> { // hostile input must not become a 500
                       log.warn("Unreadable SAML response", e);
                       return new SamlRefused(Reason.MALFORMED, "unreadable response");
                   })
                   .flatMap(valid -> state.firstUse(c.organizationId(), valid.assertionId(), Duration.between(now, valid.acceptableUntil()))
                           .flatMap(first -> first ? state.consume(c.organizationId(), valid.inResponseTo())
                                                   : Mono.error(new SamlRefused(Reason.REPLAY, "assertion already used")))
                           .flatMap(ours -> ours ? provision(c, valid, exchange)
                                                 : Mono.error(new SamlRefused(Reason.IN_RESPONSE_TO, "not an answer to a sign-in we started"))));
    }

    private Mono<ResponseEntity<Object>> provision(SsoStore.SsoConfig c, ResponseValidator.Validated person, ServerWebExchange exchange) {
        String org = c.organizationId();
        OrganizationRole role = RoleMapper.roleFor(c, person.attributes());
        return Mono.fromCallable(() -> account(org, person)).subscribeOn(Schedulers.boundedElastic()).flatMap(userId -> {
            Caller actor = new Caller(userId, org, role.name(), person.email(), person.displayName());
            var command = new ProvisionMember(new OrganizationId(org), new UserId(userId), role, true, IdentitySource.SAML);
            return commands.send(command, actor, clientIp.of(exchange)).flatMap(result -> {
                if (!result.ok()) {
                    return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).<Object>body(new Refusal(List.of(result.error()), null)));
                }
                return joinMappedWorkspaces(c, person, userId, actor, clientIp.of(exchange))
                        .then(readYourWrites.await(org, Projection.DIRECTORY))
                        .then(Mono.fromCallable(() -> identities.currentActor(userId, org).map(Caller::from)).subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(caller -> caller.isEmpty() ? Mono.error(new SamlRefused(Reason.DEACTIVATED, "not an active member"))
                                : startSession(caller.get(), exchange).then(Mono.fromCallable(() -> {
                                    identities.loggedIn(userId);
                                    return signedIn();
                                }).subscribeOn(Schedulers.boundedElastic())));
            });
        });
    }

    /**
     * Adds the person to the workspaces their attributes map to (docs/adr/0020). SAML only adds: it never removes a
     * membership, since an assertion tells what a person has now, not what they lost. A workspace that cannot take
     * them (archived meanwhile, say) does not stop the sign-in.
     */
    private Mono<Void> joinMappedWorkspaces(SsoStore.SsoConfig c, ResponseValidator.Validated person, String userId, Caller actor, String ip) {
        Set<String> mapped = RoleMapper.workspacesFor(c, person.attributes());
        if (mapped.isEmpty()) return Mono.empty();
        return directory.existingWorkspaces(c.organizationId(), mapped)
                   .flatMapMany(Flux::fromIterable)
                   .concatMap(ws -> commands.send(new AddWorkspaceMembers(new OrganizationId(c.organizationId()), new WorkspaceId(ws),
                           List.of(new UserId(userId)), null, IdentitySource.SAML), actor, ip, IdentitySource.SAML.name())
                           .doOnNext(r -> { if (!r.ok()) log.debug("SAML workspace mapping not applied: {}", r.error().code()); }))
                   .then();
    }

    /**
     * The person's account (docs/adr/0026): linked by NameID, else this organization's bound identity with the email,
     * else a personal account with the email that is already an active member here (it consented by joining), else a
     * new identity bound to this organization. Whichever it is, the session is valid in this organization only.
     */
    private String account(String org, ResponseValidator.Validated person) {
        // a link stands only for this organization's identity or a personal account that is a member here (a link made
        // before ADR 0026 to anybody else's account is not followed, and is replaced below)
        Optional<String> linked = store.linkedUser(org, person.nameId())
                .filter(id -> identities.byId(id).map(a -> a.personal() ? store.membership(org, id).isPresent()
                        : org.equals(a.homeOrganizationId())).orElse(false));
        String userId;
        if (linked.isPresent()) {
            userId = linked.get();
        } else {
            Optional<String> existing = identities.boundByEmail(person.email(), org).map(IdentityStore.Account::userId)
                    .or(() -> identities.personalByEmail(person.email()).map(IdentityStore.Account::userId)
                            .filter(id -> store.membership(org, id).orElse(false)));
            if (existing.isPresent()) {
                userId = existing.get();
            } else {
                userId = UUID.randomUUID().toString();
                if (!identities.insertBound(userId, person.email(), person.displayName(), NO_PASSWORD, org)) {
                    throw new SamlRefused(Reason.ACCOUNT_CONFLICT, "the email was taken meanwhile");
                }
            }
            store.link(org, person.nameId(), userId);
        }
        if (!store.accountActive(userId) || store.membership(org, userId).filter(active -> !active).isPresent()) {
            throw new SamlRefused(Reason.DEACTIVATED, "the member is deactivated");
        }
        return userId;
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
