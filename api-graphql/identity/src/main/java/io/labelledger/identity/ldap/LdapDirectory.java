package io.labelledger.identity.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.labelledger.organization.api.OrganizationRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.SocketFactory;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bind authentication against an organization's LDAP directory (UnboundID LDAP SDK): find the person by email with
 * the service account (or anonymously), bind as them with their password, read their groups and map them to a role.
 * Connects only to addresses the {@link LdapAddressPolicy} allows. Blocking: call from boundedElastic. Never logs passwords.
 */
public class LdapDirectory {
    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
    static final int TIMEOUT_MILLIS = 5_000;

    private final LdapAddressPolicy addresses;
    private final OutboundAddresses dns;

    /** {@code addresses}: which directory hosts may be connected to (SSRF guard); {@code dns}: the one lookup made. */
    public LdapDirectory(LdapAddressPolicy addresses, OutboundAddresses dns) {
        this.addresses = addresses;
        this.dns = dns;
    }

    public sealed interface Outcome {}

    public record SignedIn(String dn, String displayName, OrganizationRole role) implements Outcome {}

    public record Refused(Reason reason) implements Outcome {}

    public enum Reason {
        /** unknown person or wrong password: one answer for both */
        BAD_CREDENTIALS,
        /** the person exists but no group grants access and there is no default role */
        NO_ACCESS,
        /** the directory did not answer or refused the service account */
        UNAVAILABLE
    }

    public Outcome authenticate(LdapSettings settings, String email, String password) {
        // an empty password is an "unauthenticated bind" (RFC 4513 5.1.2) that many servers accept: never a sign-in
        if (password == null || password.isEmpty()) return new Refused(Reason.BAD_CREDENTIALS);
        try (LDAPConnection service = connect(settings)) {
            if (settings.bindDn() != null && !settings.bindDn().isBlank()) service.bind(settings.bindDn(), settings.bindPassword());
            Optional<SearchResultEntry> person = findPerson(service, settings, email);
            if (person.isEmpty()) return new Refused(Reason.BAD_CREDENTIALS);
            String dn = person.get().getDN();
            try (LDAPConnection asPerson = connect(settings)) {
                asPerson.bind(dn, password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) return new Refused(Reason.BAD_CREDENTIALS);
                throw e;
            }
            Set<DN> groups = groupsOf(service, settings, person.get());
            Optional<OrganizationRole> role = role(settings, groups);
            if (role.isEmpty()) return new Refused(Reason.NO_ACCESS);
            String name = firstOf(person.get(), "displayName", "cn");
            return new SignedIn(dn, name == null ? email : name, role.get());
        } catch (LDAPException e) {
            log.warn("LDAP directory of organization {} at {} failed: {}", settings.organizationId(), settings.url(), e.getResultCode());
            return new Refused(Reason.UNAVAILABLE);
        } catch (LdapAddressPolicy.Refused | LdapAddressPolicy.Unreachable e) {
            // refused before any connection: an organization's settings cannot make the server probe internal hosts
            log.warn("LDAP directory of organization {} at {} not contacted: {}", settings.organizationId(), settings.url(), e.getMessage());
            return new Refused(Reason.UNAVAILABLE);
        }
    }

    /**
     * Why the application will not connect to this directory URL, or empty when the address policy allows it (or the
     * host cannot be resolved now: that is checked again at every connection). Blocking (one DNS lookup).
     */
    public Optional<String> addressRefusal(String url) {
        try {
            addresses.pin(new LDAPURL(url).getHost(), dns);
            return Optional.empty();
        } catch (LdapAddressPolicy.Refused e) {
            return Optional.of(e.getMessage());
        } catch (LdapAddressPolicy.Unreachable | LDAPException e) {
            return Optional.empty();
        }
    }

    /** The highest role any of the person's groups maps to; else the default role; else none. */
    static Optional<OrganizationRole> role(LdapSettings settings, Set<DN> groups) {
        Optional<OrganizationRole> mapped = settings.roleMappings().stream()
                .filter(m -> groups.contains(dn(m.group())))
                .map(LdapSettings.RoleMapping::role)
                .min(Comparator.naturalOrder()); // OrganizationRole is declared from most to least powerful
        return mapped.or(() -> Optional.ofNullable(settings.defaultRole()));
    }

    private static Optional<SearchResultEntry> findPerson(LDAPConnection c, LdapSettings s, String email) throws LDAPException {
        Filter filter = Filter.create(s.userFilter().replace("{email}", Filter.encodeValue(email)));
        SearchRequest request = new SearchRequest(s.userBaseDn(), SearchScope.SUB, filter, "cn", "displayName", "memberOf");
        request.setSizeLimit(2);
        request.setTimeLimitSeconds(TIMEOUT_MILLIS / 1000);
        SearchResult result;
        try {
            result = c.search(request);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return Optional.empty();
            throw e;
        }
        // two people with one email: refuse rather than guess
        return result.getEntryCount() == 1 ? Optional.of(result.getSearchEntries().getFirst()) : Optional.empty();
    }

    /** Groups from the person's memberOf values and, when a group base is set, groups listing them as member. */
    private static Set<DN> groupsOf(LDAPConnection c, LdapSettings s, SearchResultEntry person) throws LDAPException {
        List<DN> groups = new ArrayList<>();
        String[] memberOf = person.getAttributeValues("memberOf");
        if (memberOf != null) for (String g : memberOf) groups.add(dn(g));
        if (s.groupBaseDn() != null && !s.groupBaseDn().isBlank()) {
            Filter member = Filter.createORFilter(Filter.createEqualityFilter("member", person.getDN()),
                    Filter.createEqualityFilter("uniqueMember", person.getDN()));
            SearchRequest request = new SearchRequest(s.groupBaseDn(), SearchScope.SUB, member, "1.1");
            request.setSizeLimit(1000);
            for (SearchResultEntry g : c.search(request).getSearchEntries()) groups.add(dn(g.getDN()));
        }
        return groups.stream().filter(g -> g != null).collect(Collectors.toSet());
    }

    private LDAPConnection connect(LdapSettings s) throws LDAPException {
        LDAPURL url = new LDAPURL(s.url());
        // resolved and checked once; the socket goes to this address (the host name still serves TLS)
        InetAddress pinned = addresses.pin(url.getHost(), dns);
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(TIMEOUT_MILLIS);
        options.setFollowReferrals(false); // a referral names another host, which the policy has not checked
        SocketFactory sockets;
        if ("ldaps".equalsIgnoreCase(url.getScheme())) {
            try {
                sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup failed", e);
            }
        } else {
            sockets = SocketFactory.getDefault();
        }
        LDAPConnection connection = new LDAPConnection(sockets, options);
        try {
            connection.connect(url.getHost(), pinned, url.getPort(), TIMEOUT_MILLIS);
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    static DN dn(String value) {
        try {
            return new DN(value);
        } catch (LDAPException e) {
            return null;
        }
    }

    private static String firstOf(SearchResultEntry e, String... attributes) {
        for (String a : attributes) {
            String v = e.getAttributeValue(a);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
