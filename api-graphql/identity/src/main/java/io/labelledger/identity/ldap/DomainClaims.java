package io.labelledger.identity.ldap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An organization's claims of email domains (docs/adr/0026). A claim routes directory sign-ins only once verified:
 * DNS holds a TXT record {@code _labelledger.<domain>} with the claim's token, which proves the organization controls
 * the domain. One organization at a time holds a verified claim of a domain. Blocking JDBC and DNS.
 */
@Component
public class DomainClaims {
    public static final String RECORD_PREFIX = "_labelledger.";
    public static final String TOKEN_PREFIX = "labelledger-verification=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final DnsTxtLookup dns;
    private final Clock clock;

    public DomainClaims(JdbcTemplate jdbc, Clock clock, @Value("${labelledger.dns.resolver:}") String resolver) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dns = new DnsTxtLookup(resolver);
    }

    /** {@code record}: the TXT record's name; {@code value}: what it must hold. */
    public record Claim(String organizationId, String domain, String token, Instant verifiedAt) {
        public String record() { return RECORD_PREFIX + domain; }

        public String value() { return TOKEN_PREFIX + token; }

        public boolean verified() { return verifiedAt != null; }
    }

    /** The organization's claim of the domain, created with a fresh token when there is none yet. */
    public Claim claim(String organizationId, String domain) {
        String token = HexFormat.of().formatHex(randomBytes());
        jdbc.update("INSERT INTO email_domain_claim (organization_id, domain, token, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                organizationId, domain, token, Timestamp.from(clock.instant()));
        return find(organizationId, domain).orElseThrow();
    }

    /**
     * The organization's directory now serves {@code domain} only: its claims of other domains (verified ones
     * included) are released, so that a domain it moved away from does not stay reserved for it.
     */
    public void releaseAllBut(String organizationId, String domain) {
        jdbc.update("DELETE FROM email_domain_claim WHERE organization_id = ? AND domain <> ?", organizationId, domain);
    }

    public Optional<Claim> find(String organizationId, String domain) {
        return jdbc.query("SELECT organization_id, domain, token, verified_at FROM email_domain_claim WHERE organization_id = ? AND domain = ?",
                (rs, i) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), organizationId, domain).stream().findFirst();
    }

    /** Whether another organization holds a verified claim of the domain. */
    public boolean verifiedByOther(String domain, String organizationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM email_domain_claim WHERE domain = ? AND organization_id <> ? AND verified_at IS NOT NULL)",
                Boolean.class, domain, organizationId));
    }

    public enum Outcome { VERIFIED, ALREADY_VERIFIED, RECORD_MISSING, TAKEN, DNS_UNAVAILABLE, NO_CLAIM }

    /** Reads DNS now and marks the claim verified when the record holds its token. */
    public Outcome verify(String organizationId, String domain, String by) {
        Optional<Claim> found = find(organizationId, domain);
        if (found.isEmpty()) return Outcome.NO_CLAIM;
        Claim claim = found.get();
        if (claim.verified()) return Outcome.ALREADY_VERIFIED;
        if (verifiedByOther(domain, organizationId)) return Outcome.TAKEN;
        List<String> values;
        try {
            values = dns.txt(claim.record());
        } catch (DnsTxtLookup.Unavailable e) {
            return Outcome.DNS_UNAVAILABLE;
        }
        if (values.stream().map(String::strip).noneMatch(claim.value()::equals)) return Outcome.RECORD_MISSING;
        try {
            int n = jdbc.update("UPDATE email_domain_claim SET verified_at = ?, verified_by = ? WHERE organization_id = ? AND domain = ? AND verified_at IS NULL",
                    Timestamp.from(clock.instant()), by, organizationId, domain);
            return n == 1 ? Outcome.VERIFIED : Outcome.ALREADY_VERIFIED;
        } catch (DuplicateKeyException e) { // another organization verified it meanwhile
            return Outcome.TAKEN;
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
