package io.labelledger.testing;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP, dnsjava's message classes): the real protocol peer of the
 * application's domain verification. Tests publish TXT records; every other question is NXDOMAIN. One per test JVM,
 * its address is the application's {@code labelledger.dns.resolver}.
 */
public final class TestDns {
    private static TestDns instance;

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();

    private TestDns() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread loop = new Thread(this::serve, "test-dns");
        loop.setDaemon(true);
        loop.start();
    }

    public static synchronized TestDns get() {
        if (instance == null) {
            try {
                instance = new TestDns();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String address() { return "127.0.0.1:" + socket.getLocalPort(); }

    /** Publishes (replaces) the TXT strings of {@code name} (no trailing dot). */
    public void publishTxt(String name, String... values) { txt.put(name.toLowerCase(java.util.Locale.ROOT), List.of(values)); }

    public void remove(String name) { txt.remove(name.toLowerCase(java.util.Locale.ROOT)); }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.addRecord(question, Section.QUESTION);
                String name = question.getName().toString(true).toLowerCase(java.util.Locale.ROOT);
                List<String> values = txt.get(name);
                if (values == null) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                } else if (question.getType() == Type.TXT) {
                    for (String v : values) answer.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, v), Section.ANSWER);
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getAddress(), packet.getPort()));
            } catch (IOException e) {
                if (socket.isClosed()) return;
            }
        }
    }
}
