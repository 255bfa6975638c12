package io.labelledger.identity.web;

import io.labelledger.identity.account.IdentityEvents;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.UserError;
import io.labelledger.identity.ldap.LdapDirectory;
import io.labelledger.identity.api.EmailDomainVerified;
import io.labelledger.identity.ldap.DomainClaims;
import io.labelledger.identity.ldap.LdapSettings;
import io.labelledger.identity.ldap.LdapSettingsStore;
import io.labelledger.organization.api.ConfigureLdap;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LDAP sign-in settings of the caller's organization (Owners and Admins, by the authorization table). The service
 * account's password is write-only: the API says whether one is stored, never what it is.
 */
@Controller
public class LdapController {
    static final int MAX_MAPPINGS = 100;
    private final LdapSettingsStore store;
    private final Commands commands;
    private final Clock clock;
    private final LdapDirectory directory;
    private final DomainClaims claims;
    private final IdentityEvents events;

    public LdapController(LdapSettingsStore store, Commands commands, Clock clock, LdapDirectory directory, DomainClaims claims,
                          IdentityEvents events) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.directory = directory;
        this.claims = claims;
        this.events = events;
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
                                     List<RoleMappingInput> roleMappings) {}

    public record LdapSettingsView(boolean enabled, String emailDomain, String url, String bindDn, boolean hasBindPassword,
                                   String userBaseDn, String userFilter, String groupBaseDn, OrganizationRole defaultRole,
                                   List<LdapSettings.RoleMapping> roleMappings, Instant updatedAt, DomainVerification domainVerification) {
        static LdapSettingsView of(LdapSettings s, DomainClaims.Claim claim) {
            return new LdapSettingsView(s.enabled(), s.emailDomain(), s.url(), s.bindDn(), s.bindPassword() != null && !s.bindPassword().isEmpty(),
                    s.userBaseDn(), s.userFilter(), s.groupBaseDn(), s.defaultRole(), s.roleMappings(), s.updatedAt(), DomainVerification.of(claim));
        }
    }

    /** Blocking: the settings with the claim of their domain (created with a token on first sight). */
    private Optional<LdapSettingsView> view(String organizationId) {
        return store.forOrganization(organizationId).map(s -> LdapSettingsView.of(s, claims.claim(organizationId, s.emailDomain())));
    }

    public record LdapSettingsPayload(LdapSettingsView settings, List<UserError> errors) {}

    @QueryMapping
    public Mono<LdapSettingsView> ldapSettings(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> view(caller.organizationId()).orElse(null))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<LdapSettingsPayload> configureLdap(@Argument ConfigureLdapInput input, @ContextValue Caller caller,
                                                   @ContextValue(required = false) String clientIp) {
        List<UserError> errors = validate(input);
        if (!errors.isEmpty()) return Mono.just(new LdapSettingsPayload(null, errors));
        String domain = input.emailDomain().strip().toLowerCase(Locale.ROOT);
        String filter = input.userFilter() == null || input.userFilter().isBlank() ? "(mail={email})" : input.userFilter().strip();
        LdapSettings settings = new LdapSettings(caller.organizationId(), input.enabled(), domain, input.url().strip(), blankToNull(input.bindDn()),
                input.bindPassword() == null || input.bindPassword().isEmpty() ? null : input.bindPassword(), input.userBaseDn().strip(), filter,
                blankToNull(input.groupBaseDn()), input.defaultRole(),
                input.roleMappings() == null ? List.of()
                        : input.roleMappings().stream().map(m -> new LdapSettings.RoleMapping(m.group().strip(), m.role())).toList(),
                clock.instant());
        // an address the server will not connect to (loopback, private, metadata...) is refused before anything is stored
        Mono<java.util.Optional<String>> refused = Mono.fromCallable(() -> directory.addressRefusal(settings.url())).subscribeOn(Schedulers.boundedElastic());
        Mono<Boolean> taken = Mono.fromCallable(() -> claims.verifiedByOther(domain, caller.organizationId())).subscribeOn(Schedulers.boundedElastic());
        return refused.flatMap(why -> why.isPresent()
                ? Mono.just(new LdapSettingsPayload(null, List.of(UserError.of(ErrorCode.URL_REFUSED, "url", why.get()))))
                : taken.flatMap(t -> t ? Mono.just(domainTaken())
                // the aggregate decides who may (and records it); only then is the configuration stored
                : commands.send(new ConfigureLdap(caller.organization(), input.enabled(), domain, settings.url(), caller.user()), caller, clientIp)
                          .flatMap(r -> !r.ok() ? Mono.just(new LdapSettingsPayload(null, List.of(r.error())))
                                  : Mono.fromCallable(() -> {
                                            store.save(settings, caller.userId(), clock.instant());
                                            claims.releaseAllBut(caller.organizationId(), domain);
                                            return new LdapSettingsPayload(view(caller.organizationId()).orElseThrow(), List.of());
                                        })
                                        .subscribeOn(Schedulers.boundedElastic()))));
    }

    /**
     * Reads DNS for the organization's claim of the domain (docs/adr/0026). Only a verified claim routes sign-ins;
     * one organization at a time holds it.
     */
    @MutationMapping
    public Mono<LdapSettingsPayload> verifyEmailDomain(@Argument VerifyEmailDomainInput input, @ContextValue Caller caller,
                                                       @ContextValue(required = false) String clientIp) {
        String domain = input.domain() == null ? "" : input.domain().strip().toLowerCase(Locale.ROOT);
        return Mono.fromCallable(() -> {
            if (claims.find(caller.organizationId(), domain).isEmpty()) {
                return new LdapSettingsPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "domain", "Configure directory sign-in for this domain first")));
            }
            DomainClaims.Outcome outcome = claims.verify(caller.organizationId(), domain, caller.userId());
            List<UserError> errors = switch (outcome) {
                case VERIFIED, ALREADY_VERIFIED -> List.of();
                case NO_CLAIM -> List.of(UserError.of(ErrorCode.NOT_FOUND, "domain", "Configure directory sign-in for this domain first"));
                case TAKEN -> List.of(UserError.of(ErrorCode.CONFLICT, "domain", "Another organization verified this domain"));
                case RECORD_MISSING -> List.of(UserError.of(ErrorCode.VALIDATION, "domain",
                        "DNS has no TXT record " + DomainClaims.RECORD_PREFIX + domain + " with this organization's token yet"));
                case DNS_UNAVAILABLE -> List.of(UserError.of(ErrorCode.UNAVAILABLE, "domain", "DNS did not answer; try again later"));
            };
            if (outcome == DomainClaims.Outcome.VERIFIED) {
                events.publishNow(new EmailDomainVerified(caller.organization(), domain, caller.user()), caller.userId(), caller.organizationId(), clientIp);
            }
            return new LdapSettingsPayload(view(caller.organizationId()).orElse(null), errors);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static List<UserError> validate(ConfigureLdapInput in) {
        List<UserError> errors = new ArrayList<>();
        try {
            LDAPURL url = new LDAPURL(in.url() == null ? "" : in.url().strip());
            if (!url.hostProvided()) errors.add(UserError.of(ErrorCode.VALIDATION, "url", "The directory's address needs a host: ldap://host:389 or ldaps://host:636"));
        } catch (LDAPException e) {
            errors.add(UserError.of(ErrorCode.VALIDATION, "url", "Enter the directory's address as ldap://host:389 or ldaps://host:636"));
        }
        if (in.bindDn() != null && !in.bindDn().isBlank() && !DN.isValidDN(in.bindDn())) errors.add(invalidDn("bindDn"));
        if (in.userBaseDn() == null || !DN.isValidDN(in.userBaseDn()) || in.userBaseDn().isBlank()) errors.add(invalidDn("userBaseDn"));
        if (in.groupBaseDn() != null && !in.groupBaseDn().isBlank() && !DN.isValidDN(in.groupBaseDn())) errors.add(invalidDn("groupBaseDn"));
        if (in.userFilter() != null && !in.userFilter().isBlank()) {
            String f = in.userFilter().strip();
            if (!f.contains("{email}")) errors.add(UserError.of(ErrorCode.VALIDATION, "userFilter", "The filter must contain {email}, e.g. (mail={email})"));
            else {
                try {
                    Filter.create(f.replace("{email}", "someone@example.com"));
                } catch (LDAPException e) {
                    errors.add(UserError.of(ErrorCode.VALIDATION, "userFilter", "Not a valid LDAP filter"));
                }
            }
        }
        if (in.defaultRole() == OrganizationRole.OWNER) errors.add(UserError.of(ErrorCode.VALIDATION, "defaultRole", "The directory cannot grant the Owner role"));
        List<RoleMappingInput> mappings = in.roleMappings() == null ? List.of() : in.roleMappings();
        if (mappings.size() > MAX_MAPPINGS) errors.add(UserError.of(ErrorCode.VALIDATION, "roleMappings", "At most " + MAX_MAPPINGS + " group mappings"));
        for (int i = 0; i < mappings.size(); i++) {
            RoleMappingInput m = mappings.get(i);
            if (m.group() == null || m.group().isBlank() || !DN.isValidDN(m.group())) {
                errors.add(new UserError(ErrorCode.VALIDATION, List.of("roleMappings", String.valueOf(i), "group"), "Not a valid group DN"));
            }
            if (m.role() == null || m.role() == OrganizationRole.OWNER) {
                errors.add(new UserError(ErrorCode.VALIDATION, List.of("roleMappings", String.valueOf(i), "role"), "Map groups to Admin, Manager, Reviewer or Annotator"));
            }
        }
        if (in.enabled() && mappings.isEmpty() && in.defaultRole() == null) {
            errors.add(UserError.of(ErrorCode.VALIDATION, "roleMappings", "Map at least one group to a role, or choose a default role"));
        }
        return errors;
    }

    private static UserError invalidDn(String field) {
        return UserError.of(ErrorCode.VALIDATION, field, "Not a valid distinguished name (e.g. ou=people,dc=example,dc=com)");
    }

    private static LdapSettingsPayload domainTaken() {
        return new LdapSettingsPayload(null, List.of(UserError.of(ErrorCode.CONFLICT, "emailDomain",
                "Another organization signs in people of this email domain through its directory")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
