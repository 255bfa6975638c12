package io.labelledger.identity.saml;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps IdP metadata given by URL current (docs/adr/0025): identity providers roll their signing certificates over by
 * publishing the new one in their metadata first, and a copy taken once at configuration would start refusing every
 * sign-in on the day of the switch. Periodically ({@code MaintenanceConfig}) and when an Admin asks, the URL is fetched
 * again (guarded, {@link IdpMetadataFetcher}) and the certificates and sign-on URL are replaced. The IdP's entity id
 * must stay the same: a URL that suddenly describes another IdP is refused and the last good metadata kept, as it is
 * on any failure. The outcome (time, error) is shown on the SSO page.
 */
public class SsoMetadataRefresher {
    private static final Logger log = LoggerFactory.getLogger(SsoMetadataRefresher.class);
    private final SsoStore store;
    private final IdpMetadataFetcher fetcher;

    public SsoMetadataRefresher(SsoStore store, IdpMetadataFetcher fetcher) {
        this.store = store;
        this.fetcher = fetcher;
    }

    /** Refreshes one organization's metadata; the error when it failed (the last good metadata stays). */
    public Optional<String> refresh(String organizationId) {
        Optional<SsoStore.SsoConfig> config = store.byOrganization(organizationId);
        if (config.isEmpty() || config.get().idpMetadataUrl() == null) return Optional.of("No IdP metadata URL is configured");
        String error;
        try {
            IdpMetadata idp = IdpMetadata.parse(fetcher.fetch(config.get().idpMetadataUrl()));
            if (!idp.entityId().equals(config.get().idpEntityId())) {
                error = "The metadata now names another IdP (" + idp.entityId() + "); configure single sign-on again to switch";
            } else {
                store.idpRefreshed(organizationId, idp.ssoUrl(),
                        idp.certificates().stream().map(SsoKeys::pem).collect(Collectors.joining()));
                return Optional.empty();
            }
        } catch (SamlRefused e) {
            error = "IdP metadata refused: " + e.getMessage();
        }
        store.idpRefreshFailed(organizationId, error);
        return Optional.of(error);
    }

    /** Every organization whose metadata comes from a URL. */
    public void refreshAll() {
        for (String org : store.organizationsWithMetadataUrl()) {
            try {
                refresh(org).ifPresent(e -> log.warn("SSO metadata of organization {} not refreshed: {}", org, e));
            } catch (RuntimeException e) {
                log.warn("SSO metadata refresh of organization {} failed: {}", org, e.toString());
            }
        }
    }
}
