package io.labelledger.audit.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.account.SecurityRefusals;
import reactor.core.publisher.Mono;

/**
 * Every refusal of the authorization policy (GraphQL, REST, sockets) becomes an {@code OperationRefused} event on
 * the event bus, hence an audit-log entry with actor, organization and client address, throttled per (organization,
 * person, operation) by {@link SecurityRefusals} (the same recorder SCIM and SAML refusals go through).
 */
public class RefusalAudit implements Authorization.Refusals {
    private final SecurityRefusals refusals;

    public RefusalAudit(SecurityRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> refused(Caller caller, String operation, String targetId, String clientIp) {
        return refusals.operationRefused(caller.organization(), caller.user(), caller.userId(), operation, targetId, clientIp);
    }
}
