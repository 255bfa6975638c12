package io.labelledger.identity.ldap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The instance's rules for the addresses the server connects out to — the storage proxy's (ADR 0019), which the
 * directory client follows too (issue 9 #6). Implemented beside the proxy ({@code integration.media}); identity only
 * asks.
 */
public interface OutboundAddresses {
    /**
     * A numeric host in any notation (2130706433, 0x7f.1, [::1]) as its address, without a lookup; empty for a host
     * name. Throws {@link IllegalArgumentException} for a malformed numeric host.
     */
    Optional<InetAddress> literal(String host);

    /** Why the address is not a public one (e.g. "loopback", "private"), or null when it is. */
    String nonPublic(InetAddress address);

    /** Every address of a host name: the one DNS lookup made for a connection. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
