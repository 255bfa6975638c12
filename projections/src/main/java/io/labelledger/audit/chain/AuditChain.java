package io.labelledger.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The audit chain's byte forms (ADR 0051; the auditor's view of them is docs/audit-verification.md, keep both in step).
 * <p>An entry's canonical form is one line of text built from the event store's own row, never from a re-serialized
 * payload: {@code LLA1|org=…|seq=…|gseq=…|gi=…|agg=…|aseq=…|atype=…|id=…|type=…|rev=…|ts=…|payload=…|meta=…} where
 * {@code payload} and {@code meta} are the SHA-256 (hex) of the payload and metadata bytes exactly as stored. A link is
 * {@code SHA-256(prevHash + "\n" + canonical)} in lower-case hex, {@link #GENESIS} before the first entry; the per
 * organization chain and the global chain hash the same canonical form, each with its own previous hash. Checkpoints
 * sign {@code LLA1-CHECKPOINT|chain=<organization id or global>|seq=…|head=…|at=<ISO-8601 instant>} with Ed25519.
 */
public final class AuditChain {
    public static final String VERSION = "LLA1";
    public static final String GENESIS = "0".repeat(64);
    public static final String GLOBAL = "global";

    private AuditChain() {}

    /** The event store's row of one event, its bytes exactly as stored. */
    public record StoredEvent(long globalIndex, String aggregateId, long aggregateSequence, String aggregateType, String eventId,
                              String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {}

    public static String canonical(String organizationId, long seq, long globalSeq, StoredEvent e) {
        return String.join("|", VERSION,
                "org=" + field(organizationId), "seq=" + seq, "gseq=" + globalSeq, "gi=" + e.globalIndex(),
                "agg=" + field(e.aggregateId()), "aseq=" + e.aggregateSequence(), "atype=" + field(e.aggregateType()),
                "id=" + field(e.eventId()), "type=" + field(e.payloadType()), "rev=" + field(e.payloadRevision()),
                "ts=" + field(e.timestamp()), "payload=" + sha256(e.payload()), "meta=" + (e.metadata() == null ? "-" : sha256(e.metadata())));
    }

    public static String link(String prevHash, String canonical) {
        return sha256((prevHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
    }

    public static String checkpointMessage(String chain, long seq, String headHash, Instant at) {
        return String.join("|", VERSION + "-CHECKPOINT", "chain=" + field(chain), "seq=" + seq, "head=" + headHash, "at=" + at);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of the canonical form: null is "-"; '%', '|' and control characters are percent-encoded (so is a lone "-"). */
    static String field(String value) {
        if (value == null) return "-";
        if (value.equals("-")) return "%2D";
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '|' || c < 0x20 || c == 0x7f) out.append('%').append(String.format("%02X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    /** The key's id: the first 16 hex digits of SHA-256 over its X.509 encoding. */
    public static String keyId(PublicKey key) {
        return sha256(key.getEncoded()).substring(0, 16);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
               + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey fromPem(String pem) {
        return publicKey(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    public static boolean verifies(PublicKey key, String message, String signatureBase64) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(message.getBytes(StandardCharsets.UTF_8));
            return ed.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** One form per address (IPv4-mapped IPv6 as IPv4, IPv6 compressed): {@link io.labelledger.shared.IpAddresses#normalize}. */
    public static String normalizeIp(String ip) {
        return io.labelledger.shared.IpAddresses.normalize(ip);
    }
}
