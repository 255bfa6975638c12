package io.labelledger.identity.saml;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.URI;

/**
 * The service provider's URLs for an organization. The entity id is the metadata URL. With
 * {@code labelledger.public-url} set (production, behind a proxy) every URL starts with it; without, with the
 * scheme, host and port the request came in on.
 */
public final class SpUrls {
    private final String publicUrl;

    public SpUrls(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    public String base(ServerHttpRequest request) {
        if (publicUrl != null) return publicUrl;
        URI uri = request.getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Absolute with a configured public URL, else relative to the page (the UI puts its origin in front). */
    public String base() {
        return publicUrl == null ? "" : publicUrl;
    }

    public static String metadataPath(String organizationId) { return "/saml/" + organizationId + "/metadata"; }

    public static String acsPath(String organizationId) { return "/saml/" + organizationId + "/acs"; }

    public static String loginPath(String slug) { return "/saml/" + slug + "/login"; }
}
