package io.labelledger.api.authorization;

import io.labelledger.api.Caller;
import io.labelledger.organization.read.MemberQueries;
import io.labelledger.organization.read.ProjectAccess;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.shared.Ids;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The one authorization policy: decides every root field of the GraphQL API, the nested fields and the REST endpoints
 * that have a row in rules.csv, from the caller's organization role
 * and, for "member" and "reviewer" rules, the caller's standing in the object's project ({@link Rules}; "reviewer":
 * their effective project role, {@link ProjectAccess#effectiveRole}). Fails closed: an
 * operation without a rule is denied. Objects that do not exist in the caller's organization are let through to the
 * resolver, which answers "not found" for them exactly as for objects of another organization.
 */
public class Authorization {
    /**
     * Told about every refusal (the audit log: {@code RefusalAudit}). The refusal is answered once this completes, so
     * that the record exists when the caller hears "no"; it never fails the answer.
     */
    public interface Refusals {
        Mono<Void> refused(Caller caller, String operation, String targetId, String clientIp);
    }

    private final Rules rules;
    private final MemberQueries members;
    private final Refusals refusals;

    public Authorization(Rules rules, MemberQueries members, Refusals refusals) {
        this.rules = rules;
        this.members = members;
        this.refusals = refusals;
    }

    public Rules rules() { return rules; }

    /**
     * The decision for an operation the caller is performing (a GraphQL field, a REST endpoint, an operation on a
     * socket): {@link #allows}, and a refusal is reported to the audit log with the object's id and the client's address.
     */
    public Mono<Boolean> decide(Caller caller, String operation, Map<String, Object> arguments, String clientIp) {
        return allows(caller, operation, arguments).flatMap(allowed -> allowed || caller == null ? Mono.just(allowed)
                : refusals.refused(caller, operation, targetId(operation, arguments), clientIp).thenReturn(false));
    }

    /** Refuses whatever the rule says (a member no longer active), and reports it like any refusal. */
    public Mono<Boolean> refuse(Caller caller, String operation, Map<String, Object> arguments, String clientIp) {
        return refusals.refused(caller, operation, targetId(operation, arguments), clientIp).thenReturn(false);
    }

    /** The id of the object a call names (the rule's scope argument), for the audit log; null when it names none. */
    String targetId(String operation, Map<String, Object> arguments) {
        Rules.Rule rule = rules.get(operation);
        if (rule == null || rule.scope().kind() == Rules.Scope.Kind.NONE) return null;
        Object id = argument(arguments, rule.scope().argumentPath());
        return id instanceof String s && Ids.isUuid(s) ? s : null;
    }

    public Mono<Boolean> allows(Caller caller, String operation, Map<String, Object> arguments) {
        if (caller == null) return Mono.just(false);
        Rules.Rule rule = rules.get(operation);
        if (rule == null) return Mono.just(false);
        return switch (rule.of(caller.organizationRole())) {
            case ALLOW -> Mono.just(true);
            case DENY -> Mono.just(false);
            case MEMBER -> rule.scope().kind() == Rules.Scope.Kind.NONE
                    ? Mono.just(true) // a list: the resolver narrows it with seesAllProjects
                    : access(caller, rule.scope(), arguments, ProjectAccess::member);
            case REVIEWER -> access(caller, rule.scope(), arguments,
                    a -> a.effectiveRole(caller.organizationRole()) == ProjectRole.REVIEWER);
        };
    }

    /** For list fields: whether the caller sees every project of the organization or only their own. */
    public boolean seesAllProjects(Caller caller, String operation) {
        Rules.Rule rule = rules.get(operation);
        return rule != null && rule.of(caller.organizationRole()) == Rules.Access.ALLOW;
    }

    private Mono<Boolean> access(Caller caller, Rules.Scope scope, Map<String, Object> arguments, Predicate<ProjectAccess> allowed) {
        Object id = argument(arguments, scope.argumentPath());
        if (!(id instanceof String s) || !Ids.isUuid(s)) return Mono.just(true); // the resolver answers "not found"
        Mono<String> project = scope.kind() == Rules.Scope.Kind.TASK
                ? members.projectOfTask(caller.organizationId(), s)
                : Mono.just(s);
        return project.flatMap(p -> members.projectAccess(caller.organizationId(), p, caller.userId()))
                      .map(allowed::test)
                      .defaultIfEmpty(true); // no such object in the caller's organization: "not found" from the resolver
    }

    @SuppressWarnings("unchecked")
    static Object argument(Map<String, Object> arguments, String path) {
        Object current = arguments;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }
}
