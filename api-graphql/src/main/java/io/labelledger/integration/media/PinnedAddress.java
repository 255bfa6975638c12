package io.labelledger.integration.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Resolves a URL's host once and checks every address it has against the policy; the connection then goes to the
 * address checked here and nowhere else (no second lookup that a DNS rebinding could answer differently).
 */
public final class PinnedAddress {
    private PinnedAddress() {}

    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static InetAddress resolve(MediaUrl url, AddressPolicy policy, Resolver dns) {
        Optional<InetAddress> literal = MediaUrl.literal(url.host());
        InetAddress[] all;
        if (literal.isPresent()) {
            all = new InetAddress[]{literal.get()};
        } else {
            try {
                all = dns.resolve(url.host());
            } catch (UnknownHostException e) {
                throw new Unreachable("The host " + url.host() + " is unknown");
            }
        }
        if (all.length == 0) throw new Unreachable("The host " + url.host() + " has no address");
        // every address must pass: a name with one public and one private address is refused, not half-used
        for (InetAddress a : all) {
            policy.refusal(a, url.port()).ifPresent(why -> {
                throw new MediaUrl.Refused("The host " + url.host() + " resolves to a " + why + " address");
            });
        }
        return all[0];
    }

    /** The host or the server behind it could not be reached; says nothing about the address policy. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable(String message) { super(message, null, false, false); }
    }
}
