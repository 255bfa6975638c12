package io.labelledger.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses in one form, for the audit log and its filters (ADR 0051). */
public final class IpAddresses {
    private IpAddresses() {}

    /**
     * One form per address: IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) becomes the IPv4 address, IPv6 is compressed in
     * lower case (RFC 5952), brackets and zone ids are dropped; anything that is not an address literal stays as it is.
     */
    public static String normalize(String ip) {
        if (ip == null || ip.isBlank()) return null;
        String s = ip.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        if (!s.contains(":")) return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? s : ip.trim();
        if (!s.matches("[0-9A-Fa-f:.]+")) return ip.trim(); // never a DNS lookup
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress();
            if (bytes.length == 4) return InetAddress.getByAddress(bytes).getHostAddress(); // Java maps ::ffff:a.b.c.d itself
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= bytes[i] == 0;
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            return compress(bytes);
        } catch (UnknownHostException e) {
            return ip.trim();
        }
    }

    private static String compress(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && words[j] == 0) j++;
            if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }
}
