package io.labelledger.identity.scim;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Applies a PATCH to a User: every operation is applied to a working copy in order, and only a fully valid result is
 * returned. Paths: userName, externalId, displayName, active, name, name.givenName, name.familyName (with or without
 * the core schema prefix); without a path, the value's attributes.
 */
public final class ScimUserPatch {
    private ScimUserPatch() {}

    public static ScimUser apply(ScimUser current, ScimPatch patch) {
        Map<String, Object> changes = new HashMap<>();
        for (ScimPatch.Operation op : patch.operations()) {
            if (op.path() == null) {
                if (!op.value().isObject()) throw ScimException.invalidValue("Without a path, the value is an object of attributes");
                for (Map.Entry<String, JsonNode> e : op.value().properties()) {
                    String key = ScimPatch.normalize(e.getKey(), ScimSchemas.USER);
                    if (key.equals("schemas") || key.equals("id") || key.equals("meta")) continue; // read-only, ignored
                    set(changes, key, op.kind(), e.getValue());
                }
            } else {
                set(changes, ScimPatch.normalize(op.path(), ScimSchemas.USER), op.kind(), op.value());
            }
        }
        return current.with(changes); // the record validates the result as a whole
    }

    private static void set(Map<String, Object> changes, String path, ScimPatch.Kind kind, JsonNode value) {
        boolean remove = kind == ScimPatch.Kind.REMOVE;
        switch (path) {
            case "username" -> {
                if (remove) throw ScimException.mutability("userName is required");
                changes.put("userName", text("userName", value));
            }
            case "externalid" -> changes.put("externalId", remove ? null : text("externalId", value));
            case "displayname" -> changes.put("displayName", remove ? null : text("displayName", value));
            case "name.givenname" -> changes.put("name.givenName", remove ? null : text("name.givenName", value));
            case "name.familyname" -> changes.put("name.familyName", remove ? null : text("name.familyName", value));
            case "name" -> {
                if (remove) {
                    changes.put("name.givenName", null);
                    changes.put("name.familyName", null);
                } else {
                    if (!value.isObject()) throw ScimException.invalidValue("name must be an object");
                    if (kind == ScimPatch.Kind.REPLACE || value.has("givenName")) changes.put("name.givenName", ScimUser.string(value, "givenName"));
                    if (kind == ScimPatch.Kind.REPLACE || value.has("familyName")) changes.put("name.familyName", ScimUser.string(value, "familyName"));
                }
            }
            case "active" -> {
                if (remove) throw ScimException.mutability("active cannot be removed; set it to false");
                changes.put("active", ScimUser.bool("active", value));
            }
            default -> throw ScimException.invalidPath("'" + path + "' cannot be patched (emails follow userName)");
        }
    }

    static String text(String field, JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw ScimException.invalidValue(field + " must be a string");
        return v.asString();
    }
}
