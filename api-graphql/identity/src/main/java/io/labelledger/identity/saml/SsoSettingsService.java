package io.labelledger.identity.saml;

import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.api.SsoSettingsChanged;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.shared.ErrorCode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An organization's SAML settings (ADR 0013): checks, the IdP's metadata, the SP key pair (generated the first time and
 * kept), storage and the audit event. The IdP side is replaced whenever new metadata is given. Blocking: callers run
 * it on boundedElastic.
 */
public class SsoSettingsService {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final int MAX_MAPPINGS = 50;
    private final SsoStore store;
    private final SsoKeys keys;
    private final SpUrls urls;
    private final Clock clock;
    private final IdpMetadataFetcher metadata;
    private final SsoMetadataRefresher refresher;
    private final IdentityEvents events;
    private final DirectoryQueries directory;

    public SsoSettingsService(SsoStore store, SsoKeys keys, SpUrls urls, Clock clock, IdpMetadataFetcher metadata, SsoMetadataRefresher refresher,
                              IdentityEvents events, DirectoryQueries directory) {
        this.store = store;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
        this.metadata = metadata;
        this.refresher = refresher;
        this.events = events;
        this.directory = directory;
    }

    public record RoleMappingRequest(String attribute, String value, OrganizationRole role) {}

    public record WorkspaceMappingRequest(String attribute, String value, String workspaceId) {}

    /** What an administrator asks for; null fields keep what is configured. */
    public record Configuration(boolean enabled, String slug, String idpMetadataXml, String idpMetadataUrl, OrganizationRole defaultRole,
                                List<RoleMappingRequest> roleMappings, List<WorkspaceMappingRequest> workspaceMappings) {}

    public record SsoCertificate(String subject, Instant notAfter, String sha256) {}

    public record SsoRefusal(String reason, Instant hour, int attempts, Instant lastAt, String lastClientIp, String detail) {}

    public record SsoSettings(boolean enabled, String slug, String idpEntityId, String idpSsoUrl, String idpMetadataUrl,
                              List<SsoCertificate> idpCertificates, OrganizationRole defaultRole, List<SsoStore.RoleMapping> roleMappings,
                              String spEntityId, String acsUrl, String metadataUrl, String loginUrl, String spCertificate,
                              List<SsoRefusal> refusals, Instant updatedAt, List<SsoStore.WorkspaceMapping> workspaceMappings,
                              Instant metadataRefreshedAt, String metadataRefreshError) {}

    /** {@code settings}: after the change (null when refused or when there are none). */
    public record Outcome(SsoSettings settings, List<Refusal> refusals) {
        static Outcome error(String field, String message) {
            return new Outcome(null, List.of(Refusal.of(ErrorCode.VALIDATION, field, message)));
        }
    }

    public Optional<SsoSettings> settings(String organizationId) {
        return store.byOrganization(organizationId).map(this::view);
    }

    /** Configures, and on success records who changed single sign-on, and to what IdP, in the audit log. */
    public Outcome configure(Configuration input, Actor actor, String clientIp) {
        Outcome outcome = change(input, actor);
        SsoSettings s = outcome.settings();
        if (outcome.refusals().isEmpty() && s != null) {
            events.publishNow(new SsoSettingsChanged(actor.organization(), s.enabled(), s.idpEntityId(), s.idpSsoUrl(), s.idpMetadataUrl(),
                    actor.user()), actor.userId(), actor.organizationId(), clientIp);
        }
        return outcome;
    }

    /** Reads the IdP metadata URL again now (certificate rollover); the last good metadata stays when it fails. */
    public Outcome refreshMetadata(String organizationId) {
        Optional<String> error = refresher.refresh(organizationId);
        return new Outcome(settings(organizationId).orElse(null),
                error.map(e -> List.of(Refusal.of(ErrorCode.VALIDATION, "idpMetadataUrl", e))).orElse(List.of()));
    }

    private Outcome change(Configuration in, Actor actor) {
        String org = actor.organizationId();
        Optional<SsoStore.SsoConfig> current = store.byOrganization(org);
        boolean newMetadata = notBlank(in.idpMetadataXml()) || notBlank(in.idpMetadataUrl());
        if (current.isEmpty() && !in.enabled() && !newMetadata) return new Outcome(null, List.of()); // nothing to disable
        if (current.isPresent() && !newMetadata && in.slug() == null && in.defaultRole() == null && in.roleMappings() == null
            && in.workspaceMappings() == null) {
            store.setEnabled(org, in.enabled(), actor.userId()); // the on/off switch
            return new Outcome(settings(org).orElseThrow(), List.of());
        }
        if (!keys.available()) {
            return Outcome.error(null, "Single sign-on needs a server master key (LABELLEDGER_SSO_MASTER_KEY)");
        }
        if (notBlank(in.idpMetadataXml()) && notBlank(in.idpMetadataUrl())) {
            return Outcome.error("idpMetadataUrl", "Give the IdP metadata as XML or as a URL, not both");
        }
        String slug = in.slug() != null ? in.slug().strip() : current.map(SsoStore.SsoConfig::slug).orElse(null);
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Outcome.error("slug", "Use 2 to 63 lower-case letters, digits or dashes");
        }
        OrganizationRole defaultRole = in.defaultRole() != null ? in.defaultRole()
                : current.map(SsoStore.SsoConfig::defaultRole).orElse(OrganizationRole.ANNOTATOR);
        if (defaultRole == OrganizationRole.OWNER) return Outcome.error("defaultRole", "Single sign-on never grants the Owner role");
        List<SsoStore.RoleMapping> mappings;
        if (in.roleMappings() != null) {
            if (in.roleMappings().size() > MAX_MAPPINGS) return Outcome.error("roleMappings", "At most " + MAX_MAPPINGS + " mappings");
            for (RoleMappingRequest m : in.roleMappings()) {
                if (m.role() == OrganizationRole.OWNER) return Outcome.error("roleMappings", "Single sign-on never grants the Owner role");
                if (!fits(m.attribute()) || !fits(m.value())) {
                    return Outcome.error("roleMappings", "Attribute names and values are 1 to 256 characters");
                }
            }
            mappings = in.roleMappings().stream().map(m -> new SsoStore.RoleMapping(m.attribute().strip(), m.value().strip(), m.role())).toList();
        } else {
            mappings = current.map(SsoStore.SsoConfig::roleMappings).orElse(List.of());
        }
        List<SsoStore.WorkspaceMapping> workspaceMappings;
        if (in.workspaceMappings() != null) {
            if (in.workspaceMappings().size() > MAX_MAPPINGS) return Outcome.error("workspaceMappings", "At most " + MAX_MAPPINGS + " mappings");
            for (WorkspaceMappingRequest m : in.workspaceMappings()) {
                if (!fits(m.attribute()) || !fits(m.value())) {
                    return Outcome.error("workspaceMappings", "Attribute names and values are 1 to 256 characters");
                }
            }
            var ids = in.workspaceMappings().stream().map(WorkspaceMappingRequest::workspaceId).filter(Objects::nonNull).toList();
            if (ids.size() < in.workspaceMappings().size() || !directory.existingWorkspaces(org, ids).blockOptional().orElse(Set.of()).containsAll(ids)) {
                return Outcome.error("workspaceMappings", "Map to workspaces of this organization");
            }
            workspaceMappings = in.workspaceMappings().stream()
                                  .map(m -> new SsoStore.WorkspaceMapping(m.attribute().strip(), m.value().strip(), m.workspaceId())).toList();
        } else {
            workspaceMappings = current.map(SsoStore.SsoConfig::workspaceMappings).orElse(List.of());
        }

        String metadataUrl = current.map(SsoStore.SsoConfig::idpMetadataUrl).orElse(null);
        IdpMetadata idp;
        try {
            if (notBlank(in.idpMetadataXml())) {
                idp = IdpMetadata.parse(in.idpMetadataXml());
                metadataUrl = null;
            } else if (notBlank(in.idpMetadataUrl())) {
                metadataUrl = in.idpMetadataUrl().strip();
                idp = IdpMetadata.parse(metadata.fetch(metadataUrl));
            } else if (current.isPresent()) {
                idp = null; // keep the configured IdP
            } else {
                return Outcome.error("idpMetadataXml", "Give the IdP's metadata (XML or URL)");
            }
        } catch (SamlRefused e) {
            return Outcome.error(notBlank(in.idpMetadataUrl()) ? "idpMetadataUrl" : "idpMetadataXml", "IdP metadata refused: " + e.getMessage());
        }

        String spCertificate;
        byte[] sealed;
        if (current.isPresent()) {
            spCertificate = current.get().spCertificate();
            sealed = current.get().sealedKey();
        } else {
            SsoKeys.SpKey key = SsoKeys.generate("LabelLedger SP " + org, clock.instant());
            spCertificate = SsoKeys.pem(key.certificate());
            sealed = keys.seal(key.privateKey(), org);
        }
        var config = new SsoStore.SsoConfig(org, slug, in.enabled(),
                idp != null ? idp.entityId() : current.get().idpEntityId(),
                idp != null ? idp.ssoUrl() : current.get().idpSsoUrl(),
                idp != null ? idp.certificates().stream().map(SsoKeys::pem).collect(Collectors.joining()) : current.get().idpCertificates(),
                metadataUrl, defaultRole, mappings, spCertificate, sealed, clock.instant(), workspaceMappings);
        if (!store.save(config, actor.userId())) {
            return new Outcome(null, List.of(Refusal.of(ErrorCode.CONFLICT, "slug", "Another organization uses this slug")));
        }
        if (idp != null && metadataUrl != null) store.idpRefreshed(org, config.idpSsoUrl(), config.idpCertificates());
        return new Outcome(settings(org).orElseThrow(), List.of());
    }

    private SsoSettings view(SsoStore.SsoConfig c) {
        SsoStore.MetadataRefresh refresh = store.metadataRefresh(c.organizationId());
        String base = urls.base();
        String metadata = base + SpUrls.metadataPath(c.organizationId());
        var refusals = store.refusals(c.organizationId(), 50).stream()
                            .map(r -> new SsoRefusal(r.reason(), r.hour(), r.attempts(), r.lastAt(), r.lastClientIp(), r.lastDetail())).toList();
        return new SsoSettings(c.enabled(), c.slug(), c.idpEntityId(), c.idpSsoUrl(), c.idpMetadataUrl(),
                SsoKeys.parsePem(c.idpCertificates()).stream().map(SsoSettingsService::certificate).toList(), c.defaultRole(), c.roleMappings(),
                metadata, base + SpUrls.acsPath(c.organizationId()), metadata, base + SpUrls.loginPath(c.slug()), c.spCertificate(),
                refusals, c.updatedAt(), c.workspaceMappings(), refresh.refreshedAt(), refresh.error());
    }

    private static SsoCertificate certificate(X509Certificate c) {
        try {
            return new SsoCertificate(c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant(),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean fits(String s) {
        return s != null && !s.isBlank() && s.strip().length() <= 256;
    }
}
