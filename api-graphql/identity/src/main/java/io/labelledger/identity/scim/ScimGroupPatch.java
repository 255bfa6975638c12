package io.labelledger.identity.scim;

import io.labelledger.identity.read.scim.ScimFilter;

import io.labelledger.identity.read.scim.ScimFilter.Compare;
import io.labelledger.identity.read.scim.ScimFilter.Op;
import io.labelledger.identity.read.scim.ScimFilter.Or;
import io.labelledger.organization.api.OrganizationRole;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a PATCH to a Group on a working copy (all or nothing). Paths: displayName, externalId, members,
 * {@code members[value eq "id"]} (remove), and our extension's organizationRole, workspaces and projects; without a path, the value's
 * attributes (add merges members, replace sets them).
 */
public final class ScimGroupPatch {
    private static final String ROLE_PATH = (ScimSchemas.GROUP_ACCESS + ":organizationRole").toLowerCase(java.util.Locale.ROOT);
    private static final String WORKSPACES_PATH = (ScimSchemas.GROUP_ACCESS + ":workspaces").toLowerCase(java.util.Locale.ROOT);
    private static final String PROJECTS_PATH = (ScimSchemas.GROUP_ACCESS + ":projects").toLowerCase(java.util.Locale.ROOT);
    private static final String ACCESS_PATH = ScimSchemas.GROUP_ACCESS.toLowerCase(java.util.Locale.ROOT);

    private ScimGroupPatch() {}

    public static ScimGroup apply(ScimGroup current, ScimPatch patch) {
        Work w = new Work(current);
        for (ScimPatch.Operation op : patch.operations()) {
            if (op.path() == null) {
                if (!op.value().isObject()) throw ScimException.invalidValue("Without a path, the value is an object of attributes");
                for (Map.Entry<String, JsonNode> e : op.value().properties()) {
                    String key = ScimPatch.normalize(e.getKey(), ScimSchemas.GROUP);
                    if (key.equals("schemas") || key.equals("id") || key.equals("meta")) continue;
                    w.set(key, op.kind(), e.getValue());
                }
            } else {
                w.set(ScimPatch.normalize(op.path(), ScimSchemas.GROUP), op.kind(), op.value(), op.path());
            }
        }
        return new ScimGroup(w.displayName, w.externalId, w.role, w.members, w.workspaces, w.projects);
    }

    private static final class Work {
        String displayName;
        String externalId;
        OrganizationRole role;
        final Set<String> members;
        final Set<String> workspaces;
        final Map<String, io.labelledger.project.api.ProjectRole> projects;

        Work(ScimGroup g) {
            displayName = g.displayName();
            externalId = g.externalId();
            role = g.role();
            members = new HashSet<>(g.members());
            workspaces = new HashSet<>(g.workspaces());
            projects = new java.util.HashMap<>(g.projects());
        }

        /** add merges (a project already granted takes the new role), replace sets, remove drops the projects named. */
        void setProjects(ScimPatch.Kind kind, JsonNode value) {
            Map<String, io.labelledger.project.api.ProjectRole> given = value == null ? Map.of() : ScimGroup.projectGrants(value);
            switch (kind) {
                case ADD -> projects.putAll(given);
                case REPLACE -> { projects.clear(); projects.putAll(given); }
                case REMOVE -> { if (value == null) projects.clear(); else projects.keySet().removeAll(given.keySet()); }
            }
        }

        void setWorkspaces(ScimPatch.Kind kind, JsonNode value) {
            Set<String> given = value == null ? Set.of() : ScimGroup.workspaceIds(value);
            switch (kind) {
                case ADD -> workspaces.addAll(given);
                case REPLACE -> { workspaces.clear(); workspaces.addAll(given); }
                case REMOVE -> { if (value == null) workspaces.clear(); else workspaces.removeAll(given); }
            }
        }

        void set(String path, ScimPatch.Kind kind, JsonNode value) { set(path, kind, value, path); }

        void set(String path, ScimPatch.Kind kind, JsonNode value, String original) {
            boolean remove = kind == ScimPatch.Kind.REMOVE;
            if (path.equals("displayname")) {
                if (remove) throw ScimException.mutability("displayName is required");
                displayName = ScimUserPatch.text("displayName", value);
            } else if (path.equals("externalid")) {
                externalId = remove ? null : ScimUserPatch.text("externalId", value);
            } else if (path.equals("members")) {
                Set<String> given = remove && value == null ? Set.of() : ScimGroup.memberIds(value);
                switch (kind) {
                    case ADD -> members.addAll(given);
                    case REPLACE -> { members.clear(); members.addAll(given); }
                    case REMOVE -> { if (value == null) members.clear(); else members.removeAll(given); }
                }
            } else if (path.startsWith("members[")) {
                if (!remove) throw ScimException.invalidPath("Only remove takes a members[...] filter");
                int end = original.lastIndexOf(']');
                if (end < 0 || end != original.length() - 1) throw ScimException.invalidPath("Unclosed members[...] filter");
                String inner = original.substring(original.indexOf('[') + 1, end);
                members.removeAll(memberValues(ScimFilterParser.parse(inner, List.of("value"))));
            } else if (path.equals(ROLE_PATH)) {
                role = remove ? null : ScimGroup.role(value);
            } else if (path.equals(WORKSPACES_PATH)) {
                setWorkspaces(kind, value);
            } else if (path.equals(PROJECTS_PATH)) {
                setProjects(kind, value);
            } else if (path.equals(ACCESS_PATH)) {
                if (remove) { role = null; workspaces.clear(); projects.clear(); }
                else if (!value.isObject()) throw ScimException.invalidValue(ScimSchemas.GROUP_ACCESS + " is an object");
                else {
                    if (value.has("organizationRole") || kind == ScimPatch.Kind.REPLACE) role = ScimGroup.role(value.get("organizationRole"));
                    if (value.has("workspaces") || kind == ScimPatch.Kind.REPLACE) setWorkspaces(kind == ScimPatch.Kind.ADD ? kind : ScimPatch.Kind.REPLACE, value.get("workspaces"));
                    if (value.has("projects") || kind == ScimPatch.Kind.REPLACE) setProjects(kind == ScimPatch.Kind.ADD ? kind : ScimPatch.Kind.REPLACE, value.get("projects"));
                }
            } else {
                throw ScimException.invalidPath("'" + original + "' cannot be patched");
            }
        }
    }

    /** value eq "a" (or ... or value eq "b"): the ids named; anything else is not a member selection we support. */
    private static Set<String> memberValues(ScimFilter f) {
        Set<String> out = new HashSet<>();
        collect(f, out);
        return out;
    }

    private static void collect(ScimFilter f, Set<String> out) {
        switch (f) {
            case Compare c when c.op() == Op.EQ && c.value() instanceof String s -> out.add(s);
            case Or o -> { collect(o.left(), out); collect(o.right(), out); }
            default -> throw ScimException.invalidFilter("Select members with value eq \"id\"");
        }
    }
}
