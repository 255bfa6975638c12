package io.labelledger.identity.ldap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which LDAP servers the application may connect to (SSRF guard, ADR 0019's policy applied to directories): the
 * directory's host is resolved once, every address it has must be public ({@link OutboundAddresses#nonPublic}) unless the
 * instance's allow-list ({@code labelledger.ldap.allowed-hosts}) names the host or a network containing the address,
 * and the connection then goes to the address checked here (no second lookup a DNS rebinding could answer).
 * The allow-list is the operator's, never an organization's: internal directories are an instance decision.
 */
public final class LdapAddressPolicy {
    private final Set<String> hosts;
    private final List<Network> networks;

    private LdapAddressPolicy(Set<String> hosts, List<Network> networks) {
        this.hosts = hosts;
        this.networks = networks;
    }

    /** Public addresses only. */
    public static LdapAddressPolicy publicOnly() {
        return new LdapAddressPolicy(Set.of(), List.of());
    }

    /**
     * From a comma-separated list of host names, addresses and CIDR networks, e.g.
     * {@code ldap.corp.internal, 10.1.0.0/16, 192.168.7.4}. Blank: public addresses only.
     */
    public static LdapAddressPolicy allowing(String allowList) {
        if (allowList == null || allowList.isBlank()) return publicOnly();
        List<Network> networks = new ArrayList<>();
        Set<String> hosts = new java.util.HashSet<>();
        for (String raw : allowList.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) continue;
            Optional<Network> network = Network.parse(entry);
            if (network.isPresent()) networks.add(network.get());
            else hosts.add(entry);
        }
        return new LdapAddressPolicy(Set.copyOf(hosts), List.copyOf(networks));
    }

    /** The host's address to connect to, after the checks; throws {@link Refused} or {@link Unreachable}. */
    public InetAddress pin(String host, OutboundAddresses net) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.isEmpty()) throw new Refused("The directory's address has no host");
        if (h.contains("%")) throw new Refused("Scoped IPv6 addresses are not allowed");
        InetAddress[] all;
        try {
            Optional<InetAddress> literal = net.literal(h); // 2130706433, 0x7f.1 ... are 127.0.0.1
            all = literal.isPresent() ? new InetAddress[]{literal.get()} : net.resolve(h);
        } catch (IllegalArgumentException e) {
            throw new Refused("The directory's host is not a valid address");
        } catch (UnknownHostException e) {
            throw new Unreachable("The host " + h + " is unknown");
        }
        if (all == null || all.length == 0) throw new Unreachable("The host " + h + " has no address");
        boolean namedHost = hosts.contains(h);
        for (InetAddress a : all) {
            if (namedHost || networks.stream().anyMatch(n -> n.contains(a))) continue;
            String why = net.nonPublic(a);
            if (why != null) {
                throw new Refused("The directory's host resolves to a " + why + " address; the instance's operator can allow "
                        + "internal directories (labelledger.ldap.allowed-hosts)");
            }
        }
        return all[0];
    }

    @Override
    public String toString() {
        return "LdapAddressPolicy[hosts=" + hosts + ", networks=" + networks.stream().map(Network::toString).collect(Collectors.joining(",")) + "]";
    }

    /** The directory's host could not be resolved; says nothing about the policy. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable(String message) { super(message, null, false, false); }
    }

    /** The policy refused the directory's address (before any connection). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) { super(message, null, false, false); }
    }

    /** An address with a prefix length: 10.0.0.0/8, fd00::/8; a bare address is a /32 or /128. */
    record Network(byte[] base, int prefix) {
        static Optional<Network> parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (!address.matches("[0-9a-f:.]+") || (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                if (slash >= 0) throw new IllegalArgumentException("labelledger.ldap.allowed-hosts: not a network: " + entry);
                return Optional.empty(); // a host name
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("labelledger.ldap.allowed-hosts: not an address: " + entry);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) throw new IllegalArgumentException("labelledger.ldap.allowed-hosts: bad prefix: " + entry);
            return Optional.of(new Network(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) return false;
            int full = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < full; i++) if (a[i] != base[i]) return false;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (base[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(base).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                return "?/" + prefix;
            }
        }
    }
}
