package io.labelledger.api.authorization;

import io.labelledger.organization.api.OrganizationRole;

/** Renders the rules table as docs/authorization.md (kept equal to the table by a test). */
public final class AuthorizationDoc {
    private AuthorizationDoc() {}

    public static String render(Rules rules) {
        StringBuilder md = new StringBuilder("""
                # Authorization

                Generated from [`api-graphql/src/main/resources/authorization/rules.csv`](../api-graphql/src/main/resources/authorization/rules.csv)
                by `mvn -pl api-graphql test -Dtest=AuthorizationRulesTest -Dregenerate=true` — edit the table, not this file.
                ADRs: [0009](adr/0009-authorization-policy.md), [0027](adr/0027-one-policy-for-rest-and-sockets.md).

                Every root field of the GraphQL API (queries, mutations, subscriptions) is decided by one policy
                (`io.labelledger.api.authorization.Authorization`) from the caller's **organization role** and, where the
                rule says *member* or *reviewer*, the caller's standing in the object's **project**: they created it, are
                one of its project members (project role Annotator or Reviewer) or reach it through a workspace. A GraphQL instrumentation wraps the data fetcher of
                every root field, so no resolver runs without a decision. An operation missing from the table is denied.

                - **allow** — always, in every project of the caller's organization.
                - **deny** — never. Mutations answer `errors { code: FORBIDDEN }`; queries answer `null` with a `FORBIDDEN` error.
                - **member** — only for projects the caller created, is a project member of or reaches through a workspace;
                  for lists, the list holds only those.
                - **reviewer** — only for projects where the caller's **effective project role** is Reviewer. A project
                  member's project role decides, whatever their organization role (an organization Annotator who is a
                  project Reviewer may review there; an organization Reviewer who is a project Annotator may not). People
                  who reach the project through a workspace or as its creator are Reviewers when their organization role
                  is Reviewer, else Annotators. ADR: [0021](adr/0021-reviews-and-project-roles.md).
                - Objects of another organization are **not found** for everybody, whatever the rule (the organization
                  always comes from the signed-in principal, never from input).
                - Finer rules live in the aggregates: only an Owner grants, removes or deactivates an Owner; an Admin manages
                  the roles below; an organization always keeps one active Owner; only the author edits an annotation.
                - The principal is refreshed from the directory at every request: a role change applies to the next
                  request, and a deactivated member's sessions and API tokens stop working at once. On a graphql-ws
                  socket, every operation and every subscription event is decided with the member's current role, and a
                  deactivation or role change (heard through Redis on every replica) ends their subscriptions and closes
                  their sockets.
                - **REST endpoints** (`GET /api/...`) are rows of the same table, decided by the same policy; their scope
                  names the path variable (or, for an export job's file, the job's project) that holds the project.
                - **Nested fields** that expose access-controlled data (`Workspace.members`, however it is reached, e.g.
                  `Project.workspace.members`) have rows too: allow or deny by organization role; refused, they answer an
                  empty value and a `FORBIDDEN` error.
                - Every refusal is recorded in the audit log (`OperationRefused`: who, which operation, which object, from
                  where), at most once per person and operation a minute.

                """);
        md.append("| operation | object | ");
        for (OrganizationRole r : OrganizationRole.values()) md.append(title(r.name())).append(" | ");
        md.append("notes |\n|---|---|");
        for (int i = 0; i < OrganizationRole.values().length; i++) md.append("---|");
        md.append("---|\n");
        for (Rules.Rule rule : rules.all().values()) {
            md.append("| `").append(rule.operation()).append("` | ").append(rule.scope()).append(" | ");
            for (OrganizationRole r : OrganizationRole.values()) md.append(rule.of(r).name().toLowerCase(java.util.Locale.ROOT)).append(" | ");
            md.append(rule.why()).append(" |\n");
        }
        return md.toString();
    }

    private static String title(String role) {
        return role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
