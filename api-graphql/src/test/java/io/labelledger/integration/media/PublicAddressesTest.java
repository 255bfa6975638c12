package io.labelledger.integration.media;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard of the storage proxy: which addresses and URL spellings are refused (ADR 0019). */
class PublicAddressesTest {
    static final AddressPolicy POLICY = new PublicAddresses();

    static String category(String literal) throws UnknownHostException {
        return PublicAddresses.classify(InetAddress.getByName(literal)); // literals only: no DNS lookup happens
    }

    @Nested
    class Classifier {
        @ParameterizedTest
        @CsvSource({
                "0.0.0.0, unspecified", "0.1.2.3, unspecified",
                "10.0.0.1, private", "10.255.255.255, private",
                "100.64.0.1, shared (CGNAT)", "100.127.255.255, shared (CGNAT)",
                "127.0.0.1, loopback", "127.255.255.254, loopback",
                "169.254.169.254, link-local", "169.254.0.1, link-local",
                "172.16.0.1, private", "172.31.255.255, private",
                "192.168.1.1, private", "192.0.0.8, reserved", "198.18.0.1, reserved",
                "224.0.0.1, multicast", "239.255.255.250, multicast",
                "240.0.0.1, reserved", "255.255.255.255, broadcast",
                "::, unspecified", "::1, loopback",
                "fc00::1, private (unique local)", "fdff:ffff::1, private (unique local)",
                "fe80::1, link-local", "febf::1, link-local", "fec0::1, site-local",
                "ff02::1, multicast", "ff05::2, multicast",
                "::ffff:127.0.0.1, loopback", "::ffff:7f00:1, loopback", "::ffff:169.254.169.254, link-local",
                "::ffff:10.0.0.1, private", "::127.0.0.1, loopback", "::10.1.2.3, private",
                "64:ff9b::7f00:1, loopback", "64:ff9b::a9fe:a9fe, link-local",
                "2002:7f00:1::1, loopback", "2002:c0a8:101::1, private",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo tunnel", "2001:db8::1, documentation"})
        void refusesNonPublicAddresses(String literal, String expected) throws UnknownHostException {
            assertThat(category(literal)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
                "172.32.0.1", "169.253.255.255", "169.255.0.1", "192.167.1.1", "192.169.1.1", "223.255.255.255",
                "126.255.255.255", "128.0.0.1", "11.0.0.1", "9.255.255.255",
                "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
        void allowsPublicAddresses(String literal) throws UnknownHostException {
            assertThat(category(literal)).isNull();
        }

        @Test
        void thePolicyRefusesWhatTheClassifierNames() throws UnknownHostException {
            assertThat(POLICY.refusal(InetAddress.getByName("169.254.169.254"), 80)).contains("link-local");
            assertThat(POLICY.refusal(InetAddress.getByName("8.8.8.8"), 443)).isEmpty();
        }

        @Test
        void anIpv6FormOfAMappedAddressGivenAsSixteenBytesIsJudgedByItsIpv4Address() throws UnknownHostException {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            mapped[12] = 127;
            mapped[15] = 1;
            assertThat(PublicAddresses.classify6(mapped)).isEqualTo("loopback");
        }
    }

    @Nested
    class NumericHosts {
        @ParameterizedTest
        @CsvSource({
                "2130706433, 127.0.0.1", "0x7f.1, 127.0.0.1", "0x7f000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1",
                "0177.1, 127.0.0.1", "127.1, 127.0.0.1", "127.0.1, 127.0.0.1", "0x7F.0.0.0x1, 127.0.0.1",
                "017700000001, 127.0.0.1", "2852039166, 169.254.169.254", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
                "0, 0.0.0.0", "10.0.0.1., 10.0.0.1", "3232235777, 192.168.1.1", "134744072, 8.8.8.8", "010.8.8.8, 8.8.8.8"})
        void everyInetAtonSpellingIsReadAsTheAddressItMeans(String host, String address) throws UnknownHostException {
            assertThat(MediaUrl.literal(host)).contains(InetAddress.getByName(address));
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.com", "cafe", "deadbeef", "a.b.c.d", "1.2.3.4.5", "images.example.org"})
        void namesAreNotNumbers(String host) {
            assertThat(MediaUrl.literal(host)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"256.0.0.1", "1.2.3.256", "1.2.65536", "0x100.1", "4294967296", "08.1.1.1", "0x1ffffffff"})
        void anOutOfRangeNumberIsRefusedNotLookedUp(String host) {
            assertThatThrownBy(() -> MediaUrl.literal(host)).isInstanceOf(MediaUrl.Refused.class);
        }
    }

    @Nested
    class Urls {
        final List<String> lookedUp = new ArrayList<>();

        PinnedAddress.Resolver dns(String... answers) {
            return host -> {
                lookedUp.add(host);
                InetAddress[] out = new InetAddress[answers.length];
                for (int i = 0; i < answers.length; i++) out[i] = InetAddress.getByName(answers[i]);
                return out;
            };
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/a.png", "http://0177.0.0.1/", "http://127.1/",
                "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]:8080/", "http://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/", "http://[fd00::1]/", "http://10.0.0.1/", "http://192.168.0.10/", "http://172.20.1.1/",
                "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/", "http://0xa9fea9fe/"})
        void urlsOfRefusedAddressesAreRefusedWithoutALookup(String url) {
            assertThatThrownBy(() -> PinnedAddress.resolve(MediaUrl.parse(url), POLICY, dns("8.8.8.8")))
                    .isInstanceOf(MediaUrl.Refused.class);
            assertThat(lookedUp).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/a.png", "gopher://example.com/", "jar:http://x/!/",
                "javascript:alert(1)", "data:image/png;base64,AAAA", "//example.com/a.png", "http://user:pw@example.com/",
                "http:///path", "", "http://[fe80::1%25eth0]/", "not a url"})
        void otherSchemesAndMalformedUrlsAreRefused(String url) {
            assertThatThrownBy(() -> PinnedAddress.resolve(MediaUrl.parse(url), POLICY, dns("8.8.8.8")))
                    .isInstanceOf(MediaUrl.Refused.class);
        }

        @Test
        void aNameResolvingToAPrivateAddressIsRefused() {
            assertThatThrownBy(() -> PinnedAddress.resolve(MediaUrl.parse("http://internal.example/"), POLICY, dns("10.1.2.3")))
                    .isInstanceOf(MediaUrl.Refused.class).hasMessageContaining("private");
        }

        @Test
        void aNameWithOnePublicAndOnePrivateAddressIsRefused() {
            assertThatThrownBy(() -> PinnedAddress.resolve(MediaUrl.parse("http://mixed.example/"), POLICY, dns("8.8.8.8", "127.0.0.1")))
                    .isInstanceOf(MediaUrl.Refused.class).hasMessageContaining("loopback");
        }

        @Test
        void aPublicNameIsResolvedOnceAndPinned() throws UnknownHostException {
            // given a resolver that would answer a private address the second time (DNS rebinding)
            List<String> answers = new ArrayList<>(List.of("93.184.216.34", "127.0.0.1"));
            PinnedAddress.Resolver rebinding = host -> {
                lookedUp.add(host);
                return new InetAddress[]{InetAddress.getByName(answers.removeFirst())};
            };
            InetAddress pinned = PinnedAddress.resolve(MediaUrl.parse("https://img.example/cat.jpg"), POLICY, rebinding);
            assertThat(pinned).isEqualTo(InetAddress.getByName("93.184.216.34"));
            assertThat(lookedUp).containsExactly("img.example");
        }

        @Test
        void aNumericHostIsSentAsTheCanonicalAddressThatWasChecked() throws UnknownHostException {
            MediaUrl url = MediaUrl.parse("http://010.8.8.8:8080/a%20b.png?x=1");
            InetAddress pinned = PinnedAddress.resolve(url, POLICY, dns());
            assertThat(MediaFetcher.pinnedUri(url, pinned)).isEqualTo(URI.create("http://8.8.8.8:8080/a%20b.png?x=1"));
            assertThat(lookedUp).isEmpty();
        }

        @Test
        void anIpv6HostKeepsItsBrackets() throws UnknownHostException {
            MediaUrl url = MediaUrl.parse("http://[2606:4700:4700::1111]/x");
            assertThat(MediaFetcher.pinnedUri(url, PinnedAddress.resolve(url, POLICY, dns())).getHost()).startsWith("[2606:4700:4700:0:0:0:0:1111");
        }
    }
}
