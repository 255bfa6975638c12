package io.labelledger.integration.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Only globally routable unicast addresses (SSRF guard, ADR 0019): refuses private, shared (CGNAT), loopback,
 * link-local (cloud metadata 169.254.169.254), unspecified, multicast, broadcast and reserved ranges, and IPv6 forms
 * that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
public final class PublicAddresses implements AddressPolicy {

    @Override
    public Optional<String> refusal(InetAddress address, int port) {
        return Optional.ofNullable(classify(address));
    }

    /** The refused category of an address, or null for a public unicast address. */
    public static String classify(InetAddress address) {
        if (address instanceof Inet4Address) return classify4(address.getAddress());
        if (address instanceof Inet6Address) return classify6(address.getAddress());
        return "unknown address family";
    }

    static String classify4(byte[] a) {
        int b0 = a[0] & 0xff, b1 = a[1] & 0xff, b2 = a[2] & 0xff;
        if (b0 == 0) return "unspecified";                                  // 0.0.0.0/8 "this network"
        if (b0 == 10) return "private";                                     // 10/8
        if (b0 == 100 && (b1 & 0xc0) == 64) return "shared (CGNAT)";        // 100.64/10
        if (b0 == 127) return "loopback";                                   // 127/8
        if (b0 == 169 && b1 == 254) return "link-local";                    // 169.254/16, cloud metadata
        if (b0 == 172 && (b1 & 0xf0) == 16) return "private";               // 172.16/12
        if (b0 == 192 && b1 == 0 && b2 == 0) return "reserved";             // 192.0.0/24 protocol assignments
        if (b0 == 192 && b1 == 0 && b2 == 2) return "reserved";             // TEST-NET-1
        if (b0 == 192 && b1 == 168) return "private";                       // 192.168/16
        if (b0 == 198 && (b1 & 0xfe) == 18) return "reserved";              // 198.18/15 benchmarking
        if (b0 == 198 && b1 == 51 && b2 == 100) return "reserved";          // TEST-NET-2
        if (b0 == 203 && b1 == 0 && b2 == 113) return "reserved";           // TEST-NET-3
        if ((b0 & 0xf0) == 224) return "multicast";                         // 224/4
        if (b0 == 255 && b1 == 255 && b2 == 255 && (a[3] & 0xff) == 255) return "broadcast";
        if ((b0 & 0xf0) == 240) return "reserved";                          // 240/4
        return null;
    }

    static String classify6(byte[] a) {
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) first80Zero &= a[i] == 0;
        if (first80Zero && a[10] == (byte) 0xff && a[11] == (byte) 0xff) return classify4(tail4(a, 12)); // ::ffff:a.b.c.d
        if (first80Zero && a[10] == 0 && a[11] == 0) {
            boolean zeroUpTo15 = true;
            for (int i = 12; i < 15; i++) zeroUpTo15 &= a[i] == 0;
            if (zeroUpTo15 && a[15] == 0) return "unspecified";             // ::
            if (zeroUpTo15 && a[15] == 1) return "loopback";                // ::1
            return classify4(tail4(a, 12));                                 // ::a.b.c.d (IPv4-compatible, deprecated)
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if ((a[0] & 0xfe) == 0xfc) return "private (unique local)";          // fc00::/7
        if (w0 == 0xfe80 || (w0 & 0xffc0) == 0xfe80) return "link-local";  // fe80::/10
        if ((w0 & 0xffc0) == 0xfec0) return "site-local";                   // fec0::/10, deprecated
        if ((a[0] & 0xff) == 0xff) return "multicast";                      // ff00::/8
        if (w0 == 0x0064 && w1 == 0xff9b) return classify4(tail4(a, 12));   // 64:ff9b::/96 NAT64
        if (w0 == 0x2002) return classify4(tail4(a, 2));                    // 2002::/16 6to4 embeds the IPv4 address
        if (w0 == 0x2001 && w1 == 0) return "Teredo tunnel";                // 2001::/32 hides an IPv4 address
        if (w0 == 0x2001 && w1 == 0x0db8) return "documentation";           // 2001:db8::/32
        if (w0 == 0x0100 && w1 == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) return "discard"; // 100::/64
        return null;
    }

    private static byte[] tail4(byte[] a, int from) {
        return new byte[]{a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
