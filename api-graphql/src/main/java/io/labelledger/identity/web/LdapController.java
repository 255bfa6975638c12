package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.ldap.DomainClaims;
import io.labelledger.identity.ldap.LdapSettings;
import io.labelledger.identity.ldap.LdapSettingsService;
import io.labelledger.organization.api.OrganizationRole;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;

/**
 * LDAP sign-in settings of the caller's organization (Owners and Admins, by the authorization table): GraphQL in and
 * out of {@link LdapSettingsService}. The service account's password is write-only: the API says whether one is
 * stored, never what it is.
 */
@Controller
public class LdapController {
    private final LdapSettingsService service;

    public LdapController(LdapSettingsService service) {
        this.service = service;
    }

    public record DomainVerification(String domain, String record, String value, boolean verified, Instant verifiedAt) {
        static DomainVerification of(DomainClaims.Claim c) {
            return new DomainVerification(c.domain(), c.record(), c.value(), c.verified(), c.verifiedAt());
        }
    }

    public record VerifyEmailDomainInput(String domain) {}

    public record RoleMappingInput(String group, OrganizationRole role) {}

    public record ConfigureLdapInput(boolean enabled, String emailDomain, String url, String bindDn, String bindPassword,
                                     String userBaseDn, String userFilter, String groupBaseDn, OrganizationRole defaultRole,
                                     List<RoleMappingInput> roleMappings) {
        LdapSettingsService.Configuration configuration() {
            return new LdapSettingsService.Configuration(enabled, emailDomain, url, bindDn, bindPassword, userBaseDn, userFilter, groupBaseDn,
                    defaultRole, roleMappings == null ? null
                            : roleMappings.stream().map(m -> m == null ? null : new LdapSettingsService.RoleMappingRequest(m.group(), m.role())).toList());
        }
    }

    public record LdapSettingsView(boolean enabled, String emailDomain, String url, String bindDn, boolean hasBindPassword,
                                   String userBaseDn, String userFilter, String groupBaseDn, OrganizationRole defaultRole,
                                   List<LdapSettings.RoleMapping> roleMappings, Instant updatedAt, DomainVerification domainVerification) {
        static LdapSettingsView of(LdapSettingsService.Current current) {
            if (current == null) return null;
            LdapSettings s = current.settings();
            return new LdapSettingsView(s.enabled(), s.emailDomain(), s.url(), s.bindDn(), s.bindPassword() != null && !s.bindPassword().isEmpty(),
                    s.userBaseDn(), s.userFilter(), s.groupBaseDn(), s.defaultRole(), s.roleMappings(), s.updatedAt(),
                    DomainVerification.of(current.claim()));
        }
    }

    public record LdapSettingsPayload(LdapSettingsView settings, List<UserError> errors) {
        static LdapSettingsPayload of(LdapSettingsService.Outcome o) {
            return new LdapSettingsPayload(LdapSettingsView.of(o.current()), o.refusals().stream().map(UserError::of).toList());
        }
    }

    @QueryMapping
    public Mono<LdapSettingsView> ldapSettings(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> service.current(caller.organizationId()).map(LdapSettingsView::of).orElse(null))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<LdapSettingsPayload> configureLdap(@Argument ConfigureLdapInput input, @ContextValue Caller caller,
                                                   @ContextValue(required = false) String clientIp) {
        return service.configure(input.configuration(), caller.actor(), clientIp).map(LdapSettingsPayload::of);
    }

    @MutationMapping
    public Mono<LdapSettingsPayload> verifyEmailDomain(@Argument VerifyEmailDomainInput input, @ContextValue Caller caller,
                                                       @ContextValue(required = false) String clientIp) {
        return service.verifyEmailDomain(input.domain(), caller.actor(), clientIp).map(LdapSettingsPayload::of);
    }
}
