package io.labelledger.identity.scim;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PATCH request (RFC 7644 §3.5.2): its operations, checked for shape. Applying them is done by
 * {@link ScimUserPatch} and {@link ScimGroupPatch} on a copy, so that an invalid operation anywhere leaves nothing
 * changed (all or nothing).
 */
public record ScimPatch(List<Operation> operations) {
    static final int MAX_OPERATIONS = 1_000;

    public enum Kind { ADD, REMOVE, REPLACE }

    /** {@code path} is null when absent; {@code value} null when absent. */
    public record Operation(Kind kind, String path, JsonNode value) {}

    public static ScimPatch fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("The body must be a JSON object");
        JsonNode schemas = body.get("schemas");
        boolean patchOp = schemas != null && schemas.isArray() && schemas.valueStream()
                .anyMatch(s -> s.isString() && s.asString().equals(ScimSchemas.PATCH_OP));
        if (!patchOp) throw ScimException.invalidSyntax("schemas must name " + ScimSchemas.PATCH_OP);
        JsonNode ops = body.get("Operations");
        if (ops == null) ops = body.get("operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) throw ScimException.invalidSyntax("Operations must be a non-empty array");
        if (ops.size() > MAX_OPERATIONS) throw ScimException.invalidSyntax("Too many operations");
        List<Operation> out = new ArrayList<>();
        for (JsonNode op : ops) {
            if (!op.isObject()) throw ScimException.invalidSyntax("Each operation is an object");
            JsonNode kind = op.get("op");
            if (kind == null || !kind.isString()) throw ScimException.invalidSyntax("Each operation needs op");
            Kind k = switch (kind.asString().toLowerCase(Locale.ROOT)) {
                case "add" -> Kind.ADD;
                case "remove" -> Kind.REMOVE;
                case "replace" -> Kind.REPLACE;
                default -> throw ScimException.invalidSyntax("Unknown op '" + kind.asString() + "'");
            };
            JsonNode path = op.get("path");
            if (path != null && !path.isNull() && !path.isString()) throw ScimException.invalidPath("path must be a string");
            String p = path == null || path.isNull() || path.asString().isBlank() ? null : path.asString().strip();
            JsonNode value = op.get("value");
            if (value != null && value.isNull()) value = null;
            if (k != Kind.REMOVE && value == null) throw ScimException.invalidValue("op " + kind.asString() + " needs a value");
            if (k == Kind.REMOVE && p == null) throw new ScimException(400, "noTarget", "remove needs a path");
            out.add(new Operation(k, p, value));
        }
        return new ScimPatch(List.copyOf(out));
    }

    /** The path without the schema URN prefix, lower case: "name.givenname". */
    static String normalize(String path, String schema) {
        String p = path;
        if (p.regionMatches(true, 0, schema + ":", 0, schema.length() + 1)) p = p.substring(schema.length() + 1);
        return p.toLowerCase(Locale.ROOT);
    }
}
