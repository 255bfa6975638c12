package io.labelledger.identity.scim;

/**
 * A SCIM error answer (RFC 7644 §3.12): HTTP status, optional scimType and a detail for people. No stack trace:
 * these are answers, not crashes.
 */
public class ScimException extends RuntimeException {
    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() { return status; }

    public String scimType() { return scimType; }

    public static ScimException invalidFilter(String detail) { return new ScimException(400, "invalidFilter", detail); }

    public static ScimException invalidValue(String detail) { return new ScimException(400, "invalidValue", detail); }

    public static ScimException invalidSyntax(String detail) { return new ScimException(400, "invalidSyntax", detail); }

    public static ScimException invalidPath(String detail) { return new ScimException(400, "invalidPath", detail); }

    public static ScimException mutability(String detail) { return new ScimException(400, "mutability", detail); }

    public static ScimException notFound(String what) { return new ScimException(404, null, what + " not found"); }

    public static ScimException preconditionFailed() {
        return new ScimException(412, null, "The resource changed since the version given in If-Match");
    }
}
