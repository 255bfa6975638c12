package io.labelledger.identity.scim;

import io.labelledger.organization.api.OrganizationRole;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The writable attributes of a SCIM Group: name, external id, members (SCIM User ids) and, through our extension
 * {@link ScimSchemas#GROUP_ACCESS}, the organization role the group grants (null: none) and the workspaces whose
 * membership it grants (ids; docs/adr/0020).
 */
public record ScimGroup(String displayName, String externalId, OrganizationRole role, Set<String> members, Set<String> workspaces) {
    static final int MAX_WORKSPACES = 1_000;

    public ScimGroup {
        if (displayName == null || displayName.isBlank()) throw ScimException.invalidValue("displayName is required");
        displayName = displayName.strip();
        if (displayName.length() > ScimUser.MAX) throw ScimException.invalidValue("displayName is too long");
        externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
        if (externalId != null && externalId.length() > ScimUser.MAX) throw ScimException.invalidValue("externalId is too long");
        if (role == OrganizationRole.OWNER) throw ScimException.invalidValue("A group cannot grant the Owner role");
        members = Set.copyOf(members);
        workspaces = workspaces == null ? Set.of() : Set.copyOf(workspaces);
        if (workspaces.size() > MAX_WORKSPACES) throw ScimException.invalidValue("A group grants at most " + MAX_WORKSPACES + " workspaces");
    }

    public ScimGroup withMembers(Set<String> ids) {
        return new ScimGroup(displayName, externalId, role, ids, workspaces);
    }

    public ScimGroup withWorkspaces(Set<String> ids) {
        return new ScimGroup(displayName, externalId, role, members, ids);
    }

    public static ScimGroup fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("The body must be a JSON object");
        JsonNode access = body.get(ScimSchemas.GROUP_ACCESS);
        boolean none = access == null || access.isNull();
        if (!none && !access.isObject()) throw ScimException.invalidValue(ScimSchemas.GROUP_ACCESS + " is an object");
        return new ScimGroup(ScimUser.string(body, "displayName"), ScimUser.string(body, "externalId"),
                none ? null : role(access.get("organizationRole")),
                memberIds(body.get("members")), none ? Set.of() : workspaceIds(access.get("workspaces")));
    }

    /** ["workspace id", ...] (or [{"value": "id"}], as some providers send multi-valued attributes) to the set of ids. */
    static Set<String> workspaceIds(JsonNode workspaces) {
        Set<String> ids = new LinkedHashSet<>();
        if (workspaces == null || workspaces.isNull()) return ids;
        if (!workspaces.isArray()) throw ScimException.invalidValue("workspaces must be an array of workspace ids");
        for (JsonNode w : workspaces) {
            JsonNode v = w.isObject() ? w.get("value") : w;
            if (v == null || !v.isString() || v.asString().isBlank() || v.asString().length() > 64) {
                throw ScimException.invalidValue("Each workspace is a workspace id");
            }
            ids.add(v.asString().strip());
        }
        return ids;
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
