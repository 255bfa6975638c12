package io.labelledger.identity.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityCommands;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.api.EmailDomainVerified;
import io.labelledger.organization.api.ConfigureLdap;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.shared.ErrorCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An organization's LDAP sign-in settings and its claim of their email domain (docs/adr/0026): checks, the
 * organization's command, storage. The API's controller only translates to and from GraphQL.
 */
public class LdapSettingsService {
    public static final int MAX_MAPPINGS = 100;
    private final LdapSettingsStore store;
    private final IdentityCommands commands;
    private final Clock clock;
    private final LdapDirectory directory;
    private final DomainClaims claims;
    private final IdentityEvents events;

    public LdapSettingsService(LdapSettingsStore store, IdentityCommands commands, Clock clock, LdapDirectory directory, DomainClaims claims,
                               IdentityEvents events) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.directory = directory;
        this.claims = claims;
        this.events = events;
    }

    public record RoleMappingRequest(String group, OrganizationRole role) {}

    /** The settings as an administrator gives them (unchecked, unstripped). */
    public record Configuration(boolean enabled, String emailDomain, String url, String bindDn, String bindPassword, String userBaseDn,
                                String userFilter, String groupBaseDn, OrganizationRole defaultRole, List<RoleMappingRequest> roleMappings) {}

    /** Stored settings with the organization's claim of their domain. */
    public record Current(LdapSettings settings, DomainClaims.Claim claim) {}

    /** {@code current}: the settings after the change (null when refused, or when there are none). */
    public record Outcome(Current current, List<Refusal> refusals) {
        static Outcome refused(Refusal r) { return new Outcome(null, List.of(r)); }
    }

    /** Blocking: the settings with the claim of their domain (created with a token on first sight). */
    public Optional<Current> current(String organizationId) {
        return store.forOrganization(organizationId).map(s -> new Current(s, claims.claim(organizationId, s.emailDomain())));
    }

    public Mono<Outcome> configure(Configuration input, Actor actor, String clientIp) {
        List<Refusal> errors = validate(input);
        if (!errors.isEmpty()) return Mono.just(new Outcome(null, errors));
        String domain = input.emailDomain().strip().toLowerCase(Locale.ROOT);
        String filter = input.userFilter() == null || input.userFilter().isBlank() ? "(mail={email})" : input.userFilter().strip();
        LdapSettings settings = new LdapSettings(actor.organizationId(), input.enabled(), domain, input.url().strip(), blankToNull(input.bindDn()),
                input.bindPassword() == null || input.bindPassword().isEmpty() ? null : input.bindPassword(), input.userBaseDn().strip(), filter,
                blankToNull(input.groupBaseDn()), input.defaultRole(),
                input.roleMappings() == null ? List.of()
                        : input.roleMappings().stream().map(m -> new LdapSettings.RoleMapping(m.group().strip(), m.role())).toList(),
                clock.instant());
        // an address the server will not connect to (loopback, private, metadata...) is refused before anything is stored
        Mono<Optional<String>> refused = Mono.fromCallable(() -> directory.addressRefusal(settings.url())).subscribeOn(Schedulers.boundedElastic());
        Mono<Boolean> taken = Mono.fromCallable(() -> claims.verifiedByOther(domain, actor.organizationId())).subscribeOn(Schedulers.boundedElastic());
        return refused.flatMap(why -> why.isPresent()
                ? Mono.just(Outcome.refused(Refusal.of(ErrorCode.URL_REFUSED, "url", why.get())))
                : taken.flatMap(t -> t ? Mono.just(domainTaken())
                // the aggregate decides who may (and records it); only then is the configuration stored
                : commands.send(new ConfigureLdap(actor.organization(), input.enabled(), domain, settings.url(), actor.user()), actor, clientIp)
                          .flatMap(refusal -> refusal.isPresent() ? Mono.just(Outcome.refused(refusal.get()))
                                  : Mono.fromCallable(() -> {
                                            store.save(settings, actor.userId(), clock.instant());
                                            claims.releaseAllBut(actor.organizationId(), domain);
                                            return new Outcome(current(actor.organizationId()).orElseThrow(), List.of());
                                        })
                                        .subscribeOn(Schedulers.boundedElastic()))));
    }

    /**
     * Reads DNS for the organization's claim of the domain (docs/adr/0026). Only a verified claim routes sign-ins;
     * one organization at a time holds it.
     */
    public Mono<Outcome> verifyEmailDomain(String requestedDomain, Actor actor, String clientIp) {
        String domain = requestedDomain == null ? "" : requestedDomain.strip().toLowerCase(Locale.ROOT);
        return Mono.fromCallable(() -> {
            if (claims.find(actor.organizationId(), domain).isEmpty()) {
                return Outcome.refused(Refusal.of(ErrorCode.NOT_FOUND, "domain", "Configure directory sign-in for this domain first"));
            }
            DomainClaims.Outcome outcome = claims.verify(actor.organizationId(), domain, actor.userId());
            List<Refusal> errors = switch (outcome) {
                case VERIFIED, ALREADY_VERIFIED -> List.of();
                case NO_CLAIM -> List.of(Refusal.of(ErrorCode.NOT_FOUND, "domain", "Configure directory sign-in for this domain first"));
                case TAKEN -> List.of(Refusal.of(ErrorCode.CONFLICT, "domain", "Another organization verified this domain"));
                case RECORD_MISSING -> List.of(Refusal.of(ErrorCode.VALIDATION, "domain",
                        "DNS has no TXT record " + DomainClaims.RECORD_PREFIX + domain + " with this organization's token yet"));
                case DNS_UNAVAILABLE -> List.of(Refusal.of(ErrorCode.UNAVAILABLE, "domain", "DNS did not answer; try again later"));
            };
            if (outcome == DomainClaims.Outcome.VERIFIED) {
                events.publishNow(new EmailDomainVerified(actor.organization(), domain, actor.user()), actor.userId(), actor.organizationId(), clientIp);
            }
            return new Outcome(current(actor.organizationId()).orElse(null), errors);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static List<Refusal> validate(Configuration in) {
        List<Refusal> errors = new ArrayList<>();
        try {
            LDAPURL url = new LDAPURL(in.url() == null ? "" : in.url().strip());
            if (!url.hostProvided()) errors.add(Refusal.of(ErrorCode.VALIDATION, "url", "The directory's address needs a host: ldap://host:389 or ldaps://host:636"));
        } catch (LDAPException e) {
            errors.add(Refusal.of(ErrorCode.VALIDATION, "url", "Enter the directory's address as ldap://host:389 or ldaps://host:636"));
        }
        if (in.bindDn() != null && !in.bindDn().isBlank() && !DN.isValidDN(in.bindDn())) errors.add(invalidDn("bindDn"));
        if (in.userBaseDn() == null || !DN.isValidDN(in.userBaseDn()) || in.userBaseDn().isBlank()) errors.add(invalidDn("userBaseDn"));
        if (in.groupBaseDn() != null && !in.groupBaseDn().isBlank() && !DN.isValidDN(in.groupBaseDn())) errors.add(invalidDn("groupBaseDn"));
        if (in.userFilter() != null && !in.userFilter().isBlank()) {
            String f = in.userFilter().strip();
            if (!f.contains("{email}")) errors.add(Refusal.of(ErrorCode.VALIDATION, "userFilter", "The filter must contain {email}, e.g. (mail={email})"));
            else {
                try {
                    Filter.create(f.replace("{email}", "someone@example.com"));
                } catch (LDAPException e) {
                    errors.add(Refusal.of(ErrorCode.VALIDATION, "userFilter", "Not a valid LDAP filter"));
                }
            }
        }
        if (in.defaultRole() == OrganizationRole.OWNER) errors.add(Refusal.of(ErrorCode.VALIDATION, "defaultRole", "The directory cannot grant the Owner role"));
        List<RoleMappingRequest> mappings = in.roleMappings() == null ? List.of() : in.roleMappings();
        if (mappings.size() > MAX_MAPPINGS) errors.add(Refusal.of(ErrorCode.VALIDATION, "roleMappings", "At most " + MAX_MAPPINGS + " group mappings"));
        for (int i = 0; i < mappings.size(); i++) {
            RoleMappingRequest m = mappings.get(i);
            if (m.group() == null || m.group().isBlank() || !DN.isValidDN(m.group())) {
                errors.add(new Refusal(ErrorCode.VALIDATION, List.of("roleMappings", String.valueOf(i), "group"), "Not a valid group DN"));
            }
            if (m.role() == null || m.role() == OrganizationRole.OWNER) {
                errors.add(new Refusal(ErrorCode.VALIDATION, List.of("roleMappings", String.valueOf(i), "role"), "Map groups to Admin, Manager, Reviewer or Annotator"));
            }
        }
        if (in.enabled() && mappings.isEmpty() && in.defaultRole() == null) {
            errors.add(Refusal.of(ErrorCode.VALIDATION, "roleMappings", "Map at least one group to a role, or choose a default role"));
        }
        return errors;
    }

    private static Refusal invalidDn(String field) {
        return Refusal.of(ErrorCode.VALIDATION, field, "Not a valid distinguished name (e.g. ou=people,dc=example,dc=com)");
    }

    private static Outcome domainTaken() {
        return Outcome.refused(Refusal.of(ErrorCode.CONFLICT, "emailDomain",
                "Another organization signs in people of this email domain through its directory"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
