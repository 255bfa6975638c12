package io.labelledger.identity.scim;

import io.labelledger.organization.api.OrganizationRole;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The writable attributes of a SCIM Group: name, external id, members (SCIM User ids) and, through our extension
 * {@link ScimSchemas#GROUP_ACCESS}, the organization role the group grants (null: none).
 */
public record ScimGroup(String displayName, String externalId, OrganizationRole role, Set<String> members) {
    public ScimGroup {
        if (displayName == null || displayName.isBlank()) throw ScimException.invalidValue("displayName is required");
        displayName = displayName.strip();
        if (displayName.length() > ScimUser.MAX) throw ScimException.invalidValue("displayName is too long");
        externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
        if (externalId != null && externalId.length() > ScimUser.MAX) throw ScimException.invalidValue("externalId is too long");
        if (role == OrganizationRole.OWNER) throw ScimException.invalidValue("A group cannot grant the Owner role");
        members = Set.copyOf(members);
    }

    public static ScimGroup fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("The body must be a JSON object");
        JsonNode access = body.get(ScimSchemas.GROUP_ACCESS);
        return new ScimGroup(ScimUser.string(body, "displayName"), ScimUser.string(body, "externalId"),
                access == null || access.isNull() ? null : role(access.get("organizationRole")),
                memberIds(body.get("members")));
    }

    static OrganizationRole role(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw ScimException.invalidValue("organizationRole must be a string");
        try {
            return OrganizationRole.valueOf(v.asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("organizationRole is one of ADMIN, MANAGER, REVIEWER, ANNOTATOR");
        }
    }

    /** [{"value": "user id"}, ...] to the set of ids. */
    static Set<String> memberIds(JsonNode members) {
        Set<String> ids = new LinkedHashSet<>();
        if (members == null || members.isNull()) return ids;
        if (!members.isArray()) throw ScimException.invalidValue("members must be an array");
        for (JsonNode m : members) {
            JsonNode v = m.isObject() ? m.get("value") : null;
            if (v == null || !v.isString() || v.asString().isBlank()) throw ScimException.invalidValue("Each member needs a value (a User id)");
            ids.add(v.asString());
        }
        return ids;
    }
}
