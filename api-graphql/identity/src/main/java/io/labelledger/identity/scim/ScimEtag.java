package io.labelledger.identity.scim;

import java.util.Arrays;

/** Weak ETags from resource versions (RFC 7644 §3.14): W/"n". */
public final class ScimEtag {
    private ScimEtag() {}

    public static String of(long version) { return "W/\"" + version + "\""; }

    /** If-Match: absent or "*" passes; otherwise one of the listed tags must be the current one, else 412. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return;
        if (!matches(ifMatch, version)) throw ScimException.preconditionFailed();
    }

    /** True when the header lists the current version (weak comparison, so W/ is optional). */
    public static boolean matches(String header, long version) {
        String current = String.valueOf(version);
        return Arrays.stream(header.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .map(t -> t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t)
                .anyMatch(t -> t.equals(current) || t.equals("*"));
    }
}
