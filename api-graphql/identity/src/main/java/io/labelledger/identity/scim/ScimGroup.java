package io.labelledger.identity.scim;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The writable attributes of a SCIM Group: name, external id, members (SCIM User ids) and, through our extension
 * {@link ScimSchemas#GROUP_ACCESS}, the organization role the group grants (null: none) and the workspaces whose
 * membership it grants (ids; docs/adr/0020) and the projects whose membership it grants with a project role each
 * (project id to role; docs/adr/0023).
 */
public record ScimGroup(String displayName, String externalId, OrganizationRole role, Set<String> members, Set<String> workspaces,
                        Map<String, ProjectRole> projects) {
    static final int MAX_WORKSPACES = 1_000;
    static final int MAX_PROJECTS = 1_000;

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
        projects = projects == null ? Map.of() : Map.copyOf(projects);
        if (projects.size() > MAX_PROJECTS) throw ScimException.invalidValue("A group grants at most " + MAX_PROJECTS + " projects");
    }

    public ScimGroup(String displayName, String externalId, OrganizationRole role, Set<String> members, Set<String> workspaces) {
        this(displayName, externalId, role, members, workspaces, Map.of());
    }

    public ScimGroup withMembers(Set<String> ids) {
        return new ScimGroup(displayName, externalId, role, ids, workspaces, projects);
    }

    public ScimGroup withWorkspaces(Set<String> ids) {
        return new ScimGroup(displayName, externalId, role, members, ids, projects);
    }

    public ScimGroup withProjects(Map<String, ProjectRole> grants) {
        return new ScimGroup(displayName, externalId, role, members, workspaces, grants);
    }

    public static ScimGroup fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("The body must be a JSON object");
        JsonNode access = body.get(ScimSchemas.GROUP_ACCESS);
        boolean none = access == null || access.isNull();
        if (!none && !access.isObject()) throw ScimException.invalidValue(ScimSchemas.GROUP_ACCESS + " is an object");
        return new ScimGroup(ScimUser.string(body, "displayName"), ScimUser.string(body, "externalId"),
                none ? null : role(access.get("organizationRole")),
                memberIds(body.get("members")), none ? Set.of() : workspaceIds(access.get("workspaces")),
                none ? Map.of() : projectGrants(access.get("projects")));
    }

    /**
     * [{"value": "project id", "role": "REVIEWER"}, ...] to project id -> role. The role defaults to ANNOTATOR (also for
     * a bare id); a project named twice is refused rather than guessed at.
     */
    static Map<String, ProjectRole> projectGrants(JsonNode projects) {
        Map<String, ProjectRole> grants = new LinkedHashMap<>();
        if (projects == null || projects.isNull()) return grants;
        if (!projects.isArray()) throw ScimException.invalidValue("projects must be an array of {value: project id, role}");
        for (JsonNode p : projects) {
            JsonNode v = p.isObject() ? p.get("value") : p;
            if (v == null || !v.isString() || v.asString().isBlank() || v.asString().length() > 64) {
                throw ScimException.invalidValue("Each project is {value: project id, role: REVIEWER or ANNOTATOR}");
            }
            ProjectRole role = p.isObject() ? projectRole(p.get("role")) : ProjectRole.ANNOTATOR;
            if (grants.put(v.asString().strip(), role) != null) throw ScimException.invalidValue("A project is granted once, with one role");
        }
        return grants;
    }

    static ProjectRole projectRole(JsonNode v) {
        if (v == null || v.isNull()) return ProjectRole.ANNOTATOR;
        if (!v.isString()) throw ScimException.invalidValue("A project role is a string");
        try {
            return ProjectRole.valueOf(v.asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("A project role is REVIEWER or ANNOTATOR");
        }
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
