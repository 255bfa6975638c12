package io.labelledger.identity.saml;

/**
 * Fetches IdP metadata from its URL, through the instance's guarded outbound client (ADR 0019): an Admin's metadata
 * URL must not make the server reach into its own network. Implemented in the API beside the storage proxy
 * ({@code GuardedIdpMetadataFetcher}). Blocking: call it from boundedElastic.
 */
public interface IdpMetadataFetcher {
    /** The metadata XML; throws {@link SamlRefused} (MALFORMED) when it cannot be fetched or is too large. */
    String fetch(String url);
}
