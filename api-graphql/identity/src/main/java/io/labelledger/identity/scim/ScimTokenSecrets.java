package io.labelledger.identity.scim;

import io.labelledger.identity.account.ApiTokenSecrets;

/**
 * SCIM token secrets: 256 random bits like personal API tokens, with their own prefix so that the two can never be
 * confused (each security chain accepts only its own) and a leaked one is recognizable.
 */
public final class ScimTokenSecrets {
    public static final String PREFIX = "lls_";

    private ScimTokenSecrets() {}

    public static String newSecret() {
        return PREFIX + ApiTokenSecrets.newSecret().substring(ApiTokenSecrets.PREFIX.length());
    }

    public static String hash(String secret) { return ApiTokenSecrets.hash(secret); }
}
