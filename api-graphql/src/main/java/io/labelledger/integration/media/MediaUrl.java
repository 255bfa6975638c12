package io.labelledger.integration.media;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL the storage proxy was asked for, checked before any connection: http or https only, no user info, a host.
 * Hosts written as numbers are read the way C's inet_aton (and so browsers and curl) read them — 2130706433,
 * 0x7f.1, 0177.0.0.1 are all 127.0.0.1 — so that no spelling of a refused address slips past the policy.
 */
public record MediaUrl(URI uri, String host, int port) {

    public static MediaUrl parse(String text) {
        if (text == null || text.isBlank() || text.length() > 4096) throw new Refused("A URL is required");
        URI uri;
        try {
            uri = new URI(text.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new Refused("Not a valid URL");
        }
        return of(uri);
    }

    public static MediaUrl of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new Refused("Only http and https URLs are fetched");
        if (uri.getRawUserInfo() != null) throw new Refused("URLs with user info are not fetched");
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new Refused("The URL has no host the proxy can check");
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.contains("%")) throw new Refused("Scoped IPv6 addresses are not fetched");
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) throw new Refused("Invalid port");
        return new MediaUrl(uri, host.toLowerCase(Locale.ROOT), port);
    }

    /** The address a numeric host stands for (IPv4 in any inet_aton spelling, or an IPv6 literal); empty for names. */
    public static Optional<InetAddress> literal(String host) {
        if (host.indexOf(':') >= 0) {
            if (!host.matches("[0-9a-fA-F:.]+")) return Optional.empty();
            try {
                return Optional.of(InetAddress.getByName(host)); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new Refused("Not a valid IPv6 address");
            }
        }
        return ipv4(host).map(MediaUrl::address);
    }

    /** inet_aton: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. */
    static Optional<Long> ipv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || !h.matches("[0-9a-fA-FxX.]+")) return Optional.empty();
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) return Optional.empty();
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) return Optional.empty(); // a name such as "cafe.example" (only hex letters) is a name
            values[i] = v;
        }
        long result = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) throw new Refused("Not a valid IPv4 address");
            result |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (4 - (parts.length - 1)))) throw new Refused("Not a valid IPv4 address");
        return Optional.of(result | last);
    }

    private static Long number(String part) {
        try {
            if (part.isEmpty()) return null;
            if (part.startsWith("0x") || part.startsWith("0X")) {
                String digits = part.substring(2);
                if (digits.isEmpty()) return 0L;
                if (digits.length() > 8 || !digits.matches("[0-9a-fA-F]+")) return digits.matches("[0-9a-fA-F]+") ? Long.MAX_VALUE : null;
                return Long.parseLong(digits, 16);
            }
            if (!part.matches("[0-9]+")) return null;
            if (part.length() > 18) return Long.MAX_VALUE; // too big for any part: refused as invalid
            if (part.length() > 1 && part.startsWith("0")) {
                if (!part.matches("[0-7]+")) throw new Refused("Not a valid IPv4 address");
                return Long.parseLong(part, 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static InetAddress address(long v) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /** The URL is not one the proxy fetches; nothing was connected to. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) { super(message, null, false, false); }
    }
}
