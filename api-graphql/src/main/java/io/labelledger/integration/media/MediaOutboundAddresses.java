package io.labelledger.integration.media;

import io.labelledger.identity.ldap.OutboundAddresses;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The storage proxy's address rules (numeric hosts in every notation, public addresses only) for identity's LDAP client. */
@Component
public class MediaOutboundAddresses implements OutboundAddresses {
    private final PinnedAddress.Resolver dns;

    public MediaOutboundAddresses() {
        this(InetAddress::getAllByName);
    }

    /** {@code dns}: the lookup (tests answer it themselves). */
    public MediaOutboundAddresses(PinnedAddress.Resolver dns) {
        this.dns = dns;
    }

    @Override
    public Optional<InetAddress> literal(String host) {
        try {
            return MediaUrl.literal(host);
        } catch (MediaUrl.Refused e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public String nonPublic(InetAddress address) {
        return PublicAddresses.classify(address);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return dns.resolve(host);
    }
}
