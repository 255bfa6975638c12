package io.labelledger.identity.ldap;

import io.labelledger.integration.media.MediaOutboundAddresses;
import io.labelledger.integration.media.PinnedAddress;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the media proxy's address rules (MediaOutboundAddresses), hence here rather than in the identity module.
 * The LDAP SSRF guard (issue 9 #6): an organization's directory settings pointing at loopback, private or metadata
 * addresses made the server connect there (a blind port scanner). Now the address is checked before any socket opens.
 */
class LdapAddressPolicyTest {
    static final OutboundAddresses DNS = new MediaOutboundAddresses(InetAddress::getAllByName);

    static LdapSettings settings(String url) {
        return new LdapSettings("org", true, "corp.test", url, null, null, "dc=corp,dc=test", "(mail={email})", null,
                null, List.of(), java.time.Instant.EPOCH);
    }

    @Test
    void aLoopbackDirectoryIsRefusedFastWithoutAConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LdapDirectory directory = new LdapDirectory(LdapAddressPolicy.publicOnly(), DNS);
            long start = System.nanoTime();
            LdapDirectory.Outcome outcome = directory.authenticate(settings("ldap://127.0.0.1:" + listener.getLocalPort()), "a@corp.test", "secret-pw");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome).isEqualTo(new LdapDirectory.Refused(LdapDirectory.Reason.UNAVAILABLE));
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class); // nobody connected
            assertThat(directory.addressRefusal("ldap://127.0.0.1:" + listener.getLocalPort())).isPresent();
        }
    }

    @Test
    void theAllowListLetsAnInternalDirectoryThrough() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LdapDirectory directory = new LdapDirectory(LdapAddressPolicy.allowing("127.0.0.0/8"), DNS);
            Thread client = Thread.ofVirtual().start(() -> directory.authenticate(
                    settings("ldap://127.0.0.1:" + listener.getLocalPort()), "a@corp.test", "secret-pw"));
            listener.setSoTimeout(5_000);
            try (Socket accepted = listener.accept()) {
                assertThat(accepted.getInetAddress().isLoopbackAddress()).isTrue();
            }
            client.join(Duration.ofSeconds(15));
            assertThat(directory.addressRefusal("ldap://127.0.0.1:" + listener.getLocalPort())).isEmpty();
        }
    }

    @Test
    void everySpellingOfAnInternalAddressIsRefused() {
        LdapAddressPolicy policy = LdapAddressPolicy.publicOnly();
        for (String host : List.of("127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "[::1]", "::ffff:127.0.0.1", "localhost",
                "10.0.0.5", "192.168.1.1", "172.16.0.1", "169.254.169.254", "[fd00::1]", "0.0.0.0")) {
            assertThatThrownBy(() -> policy.pin(host, DNS)).as(host).isInstanceOf(LdapAddressPolicy.Refused.class);
        }
        assertThat(policy.pin("8.8.8.8", DNS).getHostAddress()).isEqualTo("8.8.8.8");
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressMustPass() {
        AtomicInteger lookups = new AtomicInteger();
        PinnedAddress.Resolver rebinding = host -> {
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")};
        };
        assertThatThrownBy(() -> LdapAddressPolicy.publicOnly().pin("ldap.example.com", new MediaOutboundAddresses(rebinding))).isInstanceOf(LdapAddressPolicy.Refused.class);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void allowListEntriesAreHostsAddressesAndNetworks() throws UnknownHostException {
        PinnedAddress.Resolver dns = host -> switch (host) {
            case "ldap.corp.internal" -> new InetAddress[]{InetAddress.getByName("10.9.9.9")};
            default -> new InetAddress[]{InetAddress.getByName("10.3.0.1")};
        };
        LdapAddressPolicy policy = LdapAddressPolicy.allowing(" LDAP.corp.internal, 10.1.0.0/16 ,192.168.7.4, fd00:1::/32");
        assertThat(policy.pin("ldap.corp.internal", new MediaOutboundAddresses(dns)).getHostAddress()).isEqualTo("10.9.9.9");
        assertThat(policy.pin("10.1.200.3", new MediaOutboundAddresses(dns)).getHostAddress()).isEqualTo("10.1.200.3");
        assertThat(policy.pin("192.168.7.4", new MediaOutboundAddresses(dns)).getHostAddress()).isEqualTo("192.168.7.4");
        assertThat(policy.pin("fd00:1:2::5", new MediaOutboundAddresses(dns))).isNotNull();
        assertThatThrownBy(() -> policy.pin("10.2.0.1", new MediaOutboundAddresses(dns))).isInstanceOf(LdapAddressPolicy.Refused.class);
        assertThatThrownBy(() -> policy.pin("192.168.7.5", new MediaOutboundAddresses(dns))).isInstanceOf(LdapAddressPolicy.Refused.class);
        assertThatThrownBy(() -> policy.pin("other.corp.internal", new MediaOutboundAddresses(dns))).isInstanceOf(LdapAddressPolicy.Refused.class);
        assertThatThrownBy(() -> LdapAddressPolicy.allowing("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
