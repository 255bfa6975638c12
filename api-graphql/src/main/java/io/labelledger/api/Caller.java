package io.labelledger.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;

import java.io.Serializable;

/**
 * The authenticated principal. Every organization id the API uses comes from here, never from client input.
 * Plain strings because sessions are serialized into Redis.
 */
public record Caller(String userId, String organizationId, String role, String email, String displayName) implements Serializable {
    public UserId user() { return new UserId(userId); }

    public OrganizationId organization() { return new OrganizationId(organizationId); }

    public OrganizationRole organizationRole() { return OrganizationRole.valueOf(role); }

    /** The principal of a person the identity context found (sign-in, token, the directory at each request). */
    public static Caller from(io.labelledger.identity.account.Actor a) {
        return new Caller(a.userId(), a.organizationId(), a.role(), a.email(), a.displayName());
    }

    /** This principal as the identity services take it. */
    public io.labelledger.identity.account.Actor actor() {
        return new io.labelledger.identity.account.Actor(userId, organizationId, role, email, displayName);
    }

    /** The caller a request's or a socket handshake's principal stands for; empty for anyone else (anonymous, SCIM, operator). */
    public static reactor.core.publisher.Mono<Caller> of(java.security.Principal principal) {
        return principal instanceof org.springframework.security.core.Authentication a && a.getPrincipal() instanceof Caller c
                ? reactor.core.publisher.Mono.just(c) : reactor.core.publisher.Mono.empty();
    }
}
