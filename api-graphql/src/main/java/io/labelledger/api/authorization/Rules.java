package io.labelledger.api.authorization;

import io.labelledger.organization.api.OrganizationRole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization table, {@code authorization/rules.csv}: one row per root field of the GraphQL schema
 * ({@code Query.project}, {@code Mutation.createProject}, ...), per nested field that exposes access-controlled data
 * ({@code Workspace.members}) and per authenticated REST endpoint ({@code GET /api/projects/{id}/export}), one column
 * per organization role. The policy and the rendered docs/authorization.md both come from it.
 */
public final class Rules {
    public static final String RESOURCE = "authorization/rules.csv";

    public enum Access {
        /** The role may, in every project of its organization. */
        ALLOW,
        /** The role may not. */
        DENY,
        /** Only in projects the caller created, is a project member of, or reaches through a workspace (lists: only those). */
        MEMBER,
        /**
         * Only in projects where the caller's effective project role is Reviewer: their project role when they are a
         * project member, else (through a workspace, or as the creator) Reviewer for organization Reviewers (ADR 0021).
         */
        REVIEWER
    }

    /** Where the object of an operation is found in its arguments. */
    public record Scope(Kind kind, String argumentPath) {
        public enum Kind { NONE, PROJECT, TASK }

        static final Scope NONE = new Scope(Kind.NONE, null);

        static Scope parse(String text) {
            if (text.equals("-")) return NONE;
            int colon = text.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("scope must be -, project:<path> or task:<path>: " + text);
            Kind kind = Kind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
            if (kind == Kind.NONE) throw new IllegalArgumentException("bad scope " + text);
            return new Scope(kind, text.substring(colon + 1));
        }

        @Override
        public String toString() { return kind == Kind.NONE ? "-" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + argumentPath; }
    }

    /** What a row decides: a root field of the GraphQL schema, a field of another type, or a REST endpoint. */
    public enum Kind { ROOT, NESTED, REST }

    public record Rule(String operation, Scope scope, Map<OrganizationRole, Access> access, String why) {
        public Access of(OrganizationRole role) { return access.get(role); }

        public Kind kind() { return kindOf(operation); }
    }

    /**
     * {@code Query.x}, {@code Mutation.x}, {@code Subscription.x}: root fields; {@code Type.field}: a nested field
     * that exposes access-controlled data (allow or deny only: it has no project argument); {@code GET /api/...}:
     * a REST endpoint, its scope naming the path variable (or the object the controller resolves) that holds the project.
     */
    public static Kind kindOf(String operation) {
        if (operation.contains(" /")) return Kind.REST;
        String type = operation.substring(0, Math.max(0, operation.indexOf('.')));
        return java.util.Set.of("Query", "Mutation", "Subscription").contains(type) ? Kind.ROOT : Kind.NESTED;
    }

    private final Map<String, Rule> rules;

    private Rules(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static Rules load() {
        try (InputStream in = Rules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strict: an unknown role, value or duplicate operation fails the start-up (and the tests). */
    public static Rules parse(String csv) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        OrganizationRole[] columns = null;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split(",", -1);
                if (columns == null) {
                    if (!cells[0].equals("operation") || !cells[1].equals("scope")) throw new IllegalArgumentException("line " + number + ": header expected");
                    columns = new OrganizationRole[OrganizationRole.values().length];
                    for (int i = 0; i < columns.length; i++) columns[i] = OrganizationRole.valueOf(cells[2 + i]);
                    if (java.util.Set.of(columns).size() != columns.length) throw new IllegalArgumentException("every role once in the header");
                    continue;
                }
                if (cells.length < 2 + columns.length) throw new IllegalArgumentException("line " + number + ": too few cells");
                Map<OrganizationRole, Access> access = new EnumMap<>(OrganizationRole.class);
                for (int i = 0; i < columns.length; i++) {
                    access.put(columns[i], Access.valueOf(cells[2 + i].strip().toUpperCase(java.util.Locale.ROOT)));
                }
                String why = cells.length > 2 + columns.length
                        ? String.join(",", java.util.Arrays.copyOfRange(cells, 2 + columns.length, cells.length)).strip() : "";
                Rule rule = new Rule(cells[0].strip(), Scope.parse(cells[1].strip()), access, why);
                if (rule.kind() == Kind.NESTED && (rule.scope().kind() != Scope.Kind.NONE
                        || access.values().stream().anyMatch(a -> a != Access.ALLOW && a != Access.DENY))) {
                    throw new IllegalArgumentException("line " + number + ": a nested field takes allow or deny and no scope");
                }
                if (rule.kind() == Kind.REST && !rule.operation().matches("(GET|POST|PUT|PATCH|DELETE) /\\S+")) {
                    throw new IllegalArgumentException("line " + number + ": a REST row is 'METHOD /path': " + rule.operation());
                }
                if (rule.scope().kind() == Scope.Kind.NONE && access.containsValue(Access.MEMBER) && !rule.operation().startsWith("Query.")) {
                    throw new IllegalArgumentException("line " + number + ": 'member' needs a scope outside lists");
                }
                if (rule.scope().kind() == Scope.Kind.NONE && access.containsValue(Access.REVIEWER)) {
                    throw new IllegalArgumentException("line " + number + ": 'reviewer' needs a scope (the project whose role decides)");
                }
                if (rules.put(rule.operation(), rule) != null) throw new IllegalArgumentException("line " + number + ": duplicate " + rule.operation());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Rules(rules);
    }

    public Map<String, Rule> all() { return rules; }

    public Rule get(String operation) { return rules.get(operation); }
}
