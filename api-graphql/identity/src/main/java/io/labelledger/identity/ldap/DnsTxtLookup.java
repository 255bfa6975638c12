package io.labelledger.identity.ldap;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TXT records over DNS (dnsjava), asked of a configured resolver ({@code labelledger.dns.resolver}, host:port) or,
 * when none is configured, of the system's resolvers. No cache: a verification reads what DNS says now. Blocking.
 */
public class DnsTxtLookup {
    private final Resolver resolver;

    public DnsTxtLookup(String resolverAddress) {
        try {
            if (resolverAddress == null || resolverAddress.isBlank()) {
                this.resolver = new ExtendedResolver();
            } else {
                String address = resolverAddress.strip();
                int colon = address.lastIndexOf(':');
                SimpleResolver simple = colon > 0 && address.indexOf(':') == colon
                        ? new SimpleResolver(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))))
                        : new SimpleResolver(address);
                this.resolver = simple;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the DNS resolver " + resolverAddress, e);
        }
        this.resolver.setTimeout(Duration.ofSeconds(5));
    }

    /** Thrown when DNS did not answer (as opposed to answering that there is no such record). */
    public static class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) { super(message, cause); }
    }

    /** The TXT strings at {@code name} (each record's strings joined); empty when there are none. */
    public List<String> txt(String name) throws Unavailable {
        Message response;
        try {
            Record question = Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), Type.TXT, DClass.IN);
            response = resolver.send(Message.newQuery(question));
        } catch (TextParseException e) {
            return List.of();
        } catch (IOException e) {
            throw new Unavailable("DNS did not answer for " + name, e);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) return List.of();
        if (rcode != Rcode.NOERROR) throw new Unavailable("DNS answered " + Rcode.string(rcode) + " for " + name, null);
        List<String> out = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord txt) out.add(String.join("", txt.getStrings()));
        }
        return out;
    }
}
