package io.labelledger.identity.saml;

import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.account.SecurityRefusals;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.identity.saml.SamlRefused.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the SAML protocol endpoints of an organization do (ADR 0013, 0026), for the API's thin {@code SamlController}:
 * the SP metadata, the start of a sign-in (a signed AuthnRequest, remembered for the response) and the assertion
 * consumer service ({@link SamlSignIn}), whose refusals are kept in the bounded refusal table. {@code org} is the
 * organization's SSO slug or id, as the URL says; {@code base} the SP's public base URL.
 */
public class SamlEndpoints {
    private static final Logger log = LoggerFactory.getLogger(SamlEndpoints.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SsoStore store;
    private final SsoKeys keys;
    private final SamlState state;
    private final SamlSignIn signIn;
    private final IdentityStore identities;
    private final SecurityRefusals refusals;
    private final Clock clock;

    public SamlEndpoints(SsoStore store, SsoKeys keys, SamlState state, SamlSignIn signIn, IdentityStore identities,
                         SecurityRefusals refusals, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.state = state;
        this.signIn = signIn;
        this.identities = identities;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The SP metadata XML; empty for an organization without SSO settings. */
    public Mono<String> metadata(String org, String base) {
        return config(org).map(c -> SpMessages.metadata(base + SpUrls.metadataPath(c.organizationId()), base + SpUrls.acsPath(c.organizationId()),
                SsoKeys.parsePem(c.spCertificate()).getFirst()));
    }

    /** Where the browser goes to sign in at the IdP; empty when the organization has no enabled single sign-on. */
    public Mono<URI> startSignIn(String org, String base) {
        return config(org).filter(SsoStore.SsoConfig::enabled).flatMap(c -> {
            String requestId = "_" + HexFormat.of().formatHex(randomBytes());
            return Mono.fromCallable(() -> SpMessages.redirectUrl(c.idpSsoUrl(), requestId, base + SpUrls.metadataPath(c.organizationId()),
                               base + SpUrls.acsPath(c.organizationId()), clock.instant(), keys.open(c.sealedKey(), c.organizationId())))
                       .subscribeOn(Schedulers.boundedElastic())
                       .flatMap(url -> state.issued(c.organizationId(), requestId).thenReturn(URI.create(url)));
        });
    }

    public sealed interface Acs {}

    /** The person is signed in, into this organization (the session is bound to it). */
    public record SignedIn(Actor actor) implements Acs {}

    /** The organization refused the membership (its rules, e.g. a deactivated member). */
    public record Forbidden(Refusal refusal) implements Acs {}

    /** The response itself was refused ({@link SamlRefused}): a message for people and the reason's code. */
    public record Rejected(String message, String reason) implements Acs {}

    public Mono<Acs> consume(String org, String samlResponse, String base, String clientIp) {
        return Mono.fromCallable(() -> store.byOrganization(org)).subscribeOn(Schedulers.boundedElastic()).flatMap(found -> {
            SsoStore.SsoConfig c = found.filter(SsoStore.SsoConfig::enabled).orElse(null);
            if (c == null) return Mono.just(rejected(new SamlRefused(Reason.NOT_CONFIGURED, "single sign-on is not enabled")));
            return signIn.consume(c, samlResponse, base, clientIp)
                         .flatMap(result -> switch (result) {
                             case SamlSignIn.Refused refused -> refusals.signInFailed(new OrganizationId(c.organizationId()), null,
                                             SignInMethod.SAML, refused.error().code().name(), clientIp)
                                     .thenReturn((Acs) new Forbidden(refused.error()));
                             case SamlSignIn.Accepted(Actor actor) -> Mono.fromCallable(() -> {
                                 identities.loggedIn(actor.userId());
                                 return (Acs) new SignedIn(actor);
                             }).subscribeOn(Schedulers.boundedElastic());
                         })
                         .onErrorResume(SamlRefused.class, refused -> record(c.organizationId(), refused, clientIp).thenReturn(rejected(refused)));
        });
    }

    private Mono<SsoStore.SsoConfig> config(String key) {
        if (key == null || key.length() > 64) return Mono.empty();
        return Mono.fromCallable(() -> store.bySlugOrId(key)).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty);
    }

    private Mono<Void> record(String organizationId, SamlRefused refused, String address) {
        log.debug("SAML sign-in refused for organization {}: {}", organizationId, refused.reason());
        // every attempt is counted in the refusal table; the audit log gets one entry per (organization, reason) a minute
        return Mono.fromRunnable(() -> store.refused(organizationId, refused.reason().name(), address, refused.getMessage()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .then(refusals.signInFailed(new OrganizationId(organizationId), null, SignInMethod.SAML, refused.reason().name(), address));
    }

    private static Acs rejected(SamlRefused refused) {
        return new Rejected(refused.getMessage(), refused.reason().name());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return b;
    }
}
