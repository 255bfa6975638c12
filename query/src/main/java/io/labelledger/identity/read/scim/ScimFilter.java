package io.labelledger.identity.read.scim;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). Attribute names are the allow-listed canonical spelling. The identity
 * module's parser builds it from the protocol's text; {@link ScimResources} reads with it ({@link ScimSql}).
 */
public sealed interface ScimFilter {
    enum Op { EQ, NE, CO, SW, EW, GT, GE, LT, LE }

    record And(ScimFilter left, ScimFilter right) implements ScimFilter {}

    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {}

    record Not(ScimFilter filter) implements ScimFilter {}

    record Present(String attribute) implements ScimFilter {}

    /** {@code value} is a String, Boolean, java.math.BigDecimal or null, as the JSON literal in the filter said. */
    record Compare(String attribute, Op op, Object value) implements ScimFilter {}
}
