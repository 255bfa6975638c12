package io.labelledger.audit.chain;

import io.labelledger.audit.chain.AuditChain.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier over an export built here the way the server builds one; each tampering is named at its entry. */
class AuditVerifierTest {
    static final String ORG = "0b6c0f0e-3f5a-4c43-9d1e-6a4b8f0c2d11";
    static final JsonMapper JSON = JsonMapper.builder().build();
    KeyPair key;
    List<Map<String, Object>> entries;
    List<Map<String, Object>> checkpoints;

    @BeforeEach
    void chain() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 4; i++) {
            byte[] payload = ("{\"title\":\"p" + i + "\",\"value\":1.0E308}").getBytes(StandardCharsets.UTF_8);
            byte[] meta = ("{\"actorId\":\"a11ce\",\"clientIp\":\"::ffff:10.0.0." + i + "\",\"organizationId\":\"" + ORG + "\"}").getBytes(StandardCharsets.UTF_8);
            StoredEvent e = new StoredEvent(100 + i, "agg-" + i, 0, "Project", "event-" + i, "io.labelledger.project.api.ProjectCreated",
                    "1", "2026-12-07T10:00:0" + i + "Z", payload, meta);
            String canonical = AuditChain.canonical(ORG, i, 500 + i, e);
            String hash = AuditChain.link(prev, canonical);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("globalIndex", e.globalIndex());
            event.put("aggregateId", e.aggregateId());
            event.put("aggregateSequence", e.aggregateSequence());
            event.put("aggregateType", e.aggregateType());
            event.put("eventId", e.eventId());
            event.put("payloadType", e.payloadType());
            event.put("payloadRevision", e.payloadRevision());
            event.put("timestamp", e.timestamp());
            event.put("payload", Base64.getEncoder().encodeToString(payload));
            event.put("metadata", Base64.getEncoder().encodeToString(meta));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "entry");
            line.put("seq", (long) i);
            line.put("globalSeq", 500L + i);
            line.put("prevHash", prev);
            line.put("hash", hash);
            line.put("canonical", canonical);
            line.put("event", event);
            line.put("occurredAt", e.timestamp());
            line.put("eventType", "ProjectCreated");
            line.put("actorId", "a11ce");
            line.put("clientIp", "10.0.0." + i); // the log's one form of the address
            entries.add(line);
            prev = hash;
        }
        checkpoints = new ArrayList<>(List.of(checkpoint(key, 3)));
    }

    Map<String, Object> checkpoint(KeyPair signer, long seq) throws Exception {
        String head = (String) entries.get((int) seq - 1).get("hash");
        Instant at = Instant.parse("2026-12-07T11:00:00Z");
        String message = AuditChain.checkpointMessage(ORG, seq, head, at);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(signer.getPrivate());
        ed.update(message.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "checkpoint");
        line.put("chain", ORG);
        line.put("seq", seq);
        line.put("headHash", head);
        line.put("signedAt", at.toString());
        line.put("message", message);
        line.put("signature", Base64.getEncoder().encodeToString(ed.sign()));
        return line;
    }

    List<String> export() {
        List<String> lines = new ArrayList<>();
        lines.add(JSON.writeValueAsString(Map.of("kind", "header", "organizationId", ORG, "publicKey", AuditChain.pem(key.getPublic()))));
        entries.forEach(e -> lines.add(JSON.writeValueAsString(e)));
        checkpoints.forEach(c -> lines.add(JSON.writeValueAsString(c)));
        return lines;
    }

    AuditVerifier.Result verify() {
        return new AuditVerifier().verify(export(), key.getPublic());
    }

    @SuppressWarnings("unchecked")
    void tamperEvent(int seq, Consumer<Map<String, Object>> change) {
        change.accept((Map<String, Object>) entries.get(seq - 1).get("event"));
    }

    @Test
    void anUntouchedExportVerifiesUpToItsLastCheckpoint() {
        AuditVerifier.Result result = verify();
        assertThat(result.ok()).as(result.text()).isTrue();
        assertThat(result.text()).contains("entries #1 to #4", "verified up to #3, signed at 2026-12-07T11:00:00Z",
                "entries after #3 are not covered by a signature yet");
    }

    @Test
    void aChangedPayloadByteIsNamedAtItsEntry() {
        tamperEvent(2, ev -> {
            byte[] payload = Base64.getDecoder().decode((String) ev.get("payload"));
            payload[payload.length - 3] ^= 1; // 1.0E308 -> 1.0E318: one bit
            ev.put("payload", Base64.getEncoder().encodeToString(payload));
        });
        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.lines().getLast()).startsWith("BROKEN: entry #2 (event event-2)").contains("field payload");
    }

    @Test
    void aChangedEventRowIsNamedAtItsEntry() {
        tamperEvent(3, ev -> ev.put("timestamp", "2026-12-07T09:00:00Z"));
        AuditVerifier.Result result = verify();
        assertThat(result.lines().getLast()).startsWith("BROKEN: entry #3").contains("field ts");
    }

    @Test
    void aRewrittenLinkIsNamedAtItsEntry() {
        // someone rewrote entry 2's canonical form and hash consistently: entry 3 no longer follows
        Map<String, Object> e2 = entries.get(1);
        tamperEvent(2, ev -> ev.put("payloadRevision", "2"));
        String canonical = ((String) e2.get("canonical")).replace("rev=1", "rev=2");
        e2.put("canonical", canonical);
        e2.put("hash", AuditChain.link((String) e2.get("prevHash"), canonical));
        AuditVerifier.Result result = verify();
        assertThat(result.lines().getLast()).startsWith("BROKEN: entry #3").contains("previous hash is not the hash of entry #2");
    }

    @Test
    void aChangedReadableRowIsNamedAtItsEntry() {
        entries.get(0).put("actorId", "mallory");
        assertThat(verify().lines().getLast()).startsWith("BROKEN: entry #1").contains("actor");
    }

    @Test
    void aMissingEntryIsNamed() {
        entries.remove(2);
        assertThat(verify().lines().getLast()).startsWith("BROKEN: entry #4").contains("expected entry #3");
    }

    @Test
    void aCheckpointOfAnotherKeyOrAnotherHeadIsNamed() throws Exception {
        checkpoints.set(0, checkpoint(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), 3));
        assertThat(verify().lines().getLast()).startsWith("BROKEN: checkpoint at #3").contains("does not verify");

        checkpoints.set(0, checkpoint(key, 3));
        checkpoints.getFirst().put("seq", 2L); // the signed message names #3
        assertThat(verify().lines().getLast()).startsWith("BROKEN: checkpoint at #2");
    }

    @Test
    void canonicalFieldsCannotBeConfused() {
        assertThat(AuditChain.field("a|b%c\n")).isEqualTo("a%7Cb%25c%0A");
        assertThat(AuditChain.field(null)).isEqualTo("-");
        assertThat(AuditChain.field("-")).isEqualTo("%2D");
    }

    @Test
    void addressesHaveOneForm() {
        assertThat(AuditChain.normalizeIp("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AuditChain.normalizeIp("[2001:DB8:0:0:0:0:0:1]")).isEqualTo("2001:db8::1");
        assertThat(AuditChain.normalizeIp("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(AuditChain.normalizeIp("fe80::1%eth0")).isEqualTo("fe80::1");
        assertThat(AuditChain.normalizeIp("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AuditChain.normalizeIp("not-an-address")).isEqualTo("not-an-address");
        assertThat(AuditChain.normalizeIp(" ")).isNull();
    }
}
