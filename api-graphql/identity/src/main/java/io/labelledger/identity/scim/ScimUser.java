package io.labelledger.identity.scim;

import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;

/**
 * The writable attributes of a SCIM User as LabelLedger keeps them. userName is the person's email (their account);
 * emails are derived from it. Passwords are never accepted: provisioned people sign in through their IdP.
 */
public record ScimUser(String userName, String externalId, String givenName, String familyName, String displayName,
                       boolean active) {
    static final int MAX = 200;

    public ScimUser {
        if (userName == null || userName.isBlank()) throw ScimException.invalidValue("userName is required");
        userName = userName.strip();
        if (userName.length() > 320 || !userName.matches("[^@\\s]+@[^@\\s]+")) {
            throw ScimException.invalidValue("userName must be an email address");
        }
        externalId = bounded("externalId", externalId);
        givenName = bounded("name.givenName", givenName);
        familyName = bounded("name.familyName", familyName);
        displayName = bounded("displayName", displayName);
    }

    /** The account's email: lower case, like user_account keeps it. */
    public String email() { return userName.toLowerCase(Locale.ROOT); }

    /** A name for people, from what the IdP sent. */
    public String nameForPeople() {
        if (displayName != null) return displayName;
        String n = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return n.isEmpty() ? userName : n;
    }

    /** A User from a POST or PUT body. Read-only and unknown attributes are ignored (RFC 7644 §3.5.1). */
    public static ScimUser fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("The body must be a JSON object");
        JsonNode name = body.get("name");
        if (name != null && !name.isNull() && !name.isObject()) throw ScimException.invalidValue("name must be an object");
        JsonNode active = body.get("active");
        return new ScimUser(string(body, "userName"), string(body, "externalId"),
                name == null ? null : string(name, "givenName"), name == null ? null : string(name, "familyName"),
                string(body, "displayName"), active == null || active.isNull() || bool("active", active));
    }

    ScimUser with(Map<String, Object> changes) {
        return new ScimUser(
                (String) changes.getOrDefault("userName", userName), (String) changes.getOrDefault("externalId", externalId),
                (String) changes.getOrDefault("name.givenName", givenName), (String) changes.getOrDefault("name.familyName", familyName),
                (String) changes.getOrDefault("displayName", displayName), (Boolean) changes.getOrDefault("active", active));
    }

    static String string(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw ScimException.invalidValue(field + " must be a string");
        return v.asString();
    }

    /** Booleans; the strings "true"/"false" too, which some identity providers send. */
    static boolean bool(String field, JsonNode v) {
        if (v.isBoolean()) return v.booleanValue();
        if (v.isString() && (v.asString().equalsIgnoreCase("true") || v.asString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asString().toLowerCase(Locale.ROOT));
        }
        throw ScimException.invalidValue(field + " must be true or false");
    }

    private static String bounded(String field, String v) {
        if (v == null || v.isBlank()) return null;
        if (v.length() > MAX) throw ScimException.invalidValue(field + " is longer than " + MAX + " characters");
        return v.strip();
    }
}
