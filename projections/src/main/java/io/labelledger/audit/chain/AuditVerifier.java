package io.labelledger.audit.chain;

import io.labelledger.audit.chain.AuditChain.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an audit export (JSONL, docs/audit-verification.md) and names the first broken link: each entry's canonical
 * form must be the one recomputed from the event store's row in the export, its hash the link of its previous hash and
 * that form, its previous hash the hash of the entry before it, its number the one after; the readable columns must
 * say what the event's metadata says; every checkpoint in the range must be signed by the installation key and sign
 * the hash the chain holds at its position. Pure Java: the jar's {@code audit verify} command runs it without a
 * database.
 */
public final class AuditVerifier {
    private final JsonMapper json = JsonMapper.builder().build();

    public record Result(boolean ok, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** {@code pinned}: the installation's public key as the auditor got it (null: the key the export names). */
    public Result verify(List<String> jsonLines, PublicKey pinned) {
        List<String> out = new ArrayList<>();
        JsonNode header = null;
        List<JsonNode> entries = new ArrayList<>();
        Map<Long, List<JsonNode>> checkpoints = new HashMap<>();
        int lineNo = 0;
        for (String line : jsonLines) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (RuntimeException e) {
                return broken(out, "line " + lineNo + " is not JSON");
            }
            switch (node.path("kind").asString("")) {
                case "header" -> header = node;
                case "entry" -> entries.add(node);
                case "checkpoint" -> checkpoints.computeIfAbsent(node.path("seq").asLong(), k -> new ArrayList<>()).add(node);
                default -> { return broken(out, "line " + lineNo + " is neither header, entry nor checkpoint"); }
            }
        }
        if (header == null) return broken(out, "the export has no header line");
        String organizationId = header.path("organizationId").asString();
        PublicKey key = pinned;
        if (key == null) {
            key = AuditChain.fromPem(header.path("publicKey").asString(""));
            out.add("note: the public key is the one the export names (key " + AuditChain.keyId(key) + "); pass the published key to pin it");
        }
        String keyId = AuditChain.keyId(key);
        if (entries.isEmpty()) {
            out.add("OK: the export holds no entries");
            return new Result(true, out);
        }
        JsonNode previous = null;
        long lastSigned = -1;
        String lastSignedAt = null;
        int signed = 0;
        for (JsonNode e : entries) {
            long seq = e.path("seq").asLong();
            String at = "entry #" + seq + " (event " + e.path("event").path("eventId").asString("?") + ")";
            if (previous != null && seq != previous.path("seq").asLong() + 1)
                return broken(out, at + ": expected entry #" + (previous.path("seq").asLong() + 1) + " before it (an entry is missing or out of order)");
            if (previous != null && !e.path("prevHash").asString("").equals(previous.path("hash").asString()))
                return broken(out, at + ": its previous hash is not the hash of entry #" + previous.path("seq").asLong());
            StoredEvent stored;
            try {
                stored = stored(e.path("event"));
            } catch (RuntimeException ex) {
                return broken(out, at + ": its event row is incomplete (" + ex.getMessage() + ")");
            }
            String canonical = AuditChain.canonical(organizationId, seq, e.path("globalSeq").asLong(), stored);
            if (!canonical.equals(e.path("canonical").asString("")))
                return broken(out, at + ": the event store's row differs from the hashed canonical form (" + difference(canonical, e.path("canonical").asString("")) + ")");
            if (!AuditChain.link(e.path("prevHash").asString(""), canonical).equals(e.path("hash").asString()))
                return broken(out, at + ": its hash is not SHA-256(previous hash, canonical form)");
            String readable = readable(e, stored);
            if (readable != null) return broken(out, at + ": the audit log's row differs from the event (" + readable + ")");
            for (JsonNode c : checkpoints.getOrDefault(seq, List.of())) {
                String message = AuditChain.checkpointMessage(c.path("chain").asString(""), c.path("seq").asLong(), c.path("headHash").asString(""),
                        Instant.parse(c.path("signedAt").asString()));
                if (!organizationId.equals(c.path("chain").asString()) || !message.equals(c.path("message").asString()))
                    return broken(out, "checkpoint at #" + seq + ": its message is not the signed form of its fields");
                if (!AuditChain.verifies(key, message, c.path("signature").asString("")))
                    return broken(out, "checkpoint at #" + seq + ": its signature does not verify with key " + keyId);
                if (!c.path("headHash").asString().equals(e.path("hash").asString()))
                    return broken(out, "checkpoint at #" + seq + ": the signed head " + c.path("headHash").asString()
                            + " is not the chain's hash there (" + e.path("hash").asString() + ")");
                signed++;
                lastSigned = seq;
                lastSignedAt = c.path("signedAt").asString();
            }
            previous = e;
        }
        long first = entries.getFirst().path("seq").asLong(), last = previous.path("seq").asLong();
        if (first > 1) out.add("note: entry #" + first + "'s previous hash " + entries.getFirst().path("prevHash").asString()
                               + " is taken as given (the export starts there)");
        out.add("OK: entries #" + first + " to #" + last + " of organization " + organizationId + " verify (" + entries.size() + " entries)");
        if (signed == 0) out.add("warning: no signed checkpoint in the range anchors these entries");
        else {
            out.add("OK: " + signed + " signed checkpoint(s) verify with key " + keyId + "; verified up to #" + lastSigned + ", signed at " + lastSignedAt);
            if (lastSigned < last) out.add("note: entries after #" + lastSigned + " are not covered by a signature yet");
        }
        return new Result(true, out);
    }

    private static Result broken(List<String> out, String reason) {
        out.add("BROKEN: " + reason);
        return new Result(false, out);
    }

    private static StoredEvent stored(JsonNode ev) {
        String metadata = ev.path("metadata").isNull() || ev.path("metadata").isMissingNode() ? null : ev.path("metadata").asString();
        return new StoredEvent(required(ev, "globalIndex").asLong(), text(ev, "aggregateId"), required(ev, "aggregateSequence").asLong(),
                text(ev, "aggregateType"), text(ev, "eventId"), text(ev, "payloadType"), text(ev, "payloadRevision"), text(ev, "timestamp"),
                Base64.getDecoder().decode(Objects.requireNonNull(text(ev, "payload"), "payload")),
                metadata == null ? null : Base64.getDecoder().decode(metadata));
    }

    private static JsonNode required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) throw new IllegalArgumentException("no " + field);
        return node.get(field);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    /** The readable columns against the event: type, time, actor, address. Null when they agree. */
    private String readable(JsonNode e, StoredEvent stored) {
        String type = stored.payloadType() == null ? "" : stored.payloadType().substring(stored.payloadType().lastIndexOf('.') + 1);
        if (!type.equals(e.path("eventType").asString(""))) return "event type";
        try {
            if (!Instant.parse(stored.timestamp()).equals(Instant.parse(e.path("occurredAt").asString("")))) return "time";
        } catch (RuntimeException ex) {
            return "time";
        }
        JsonNode meta = stored.metadata() == null ? json.createObjectNode() : json.readTree(stored.metadata());
        if (!Objects.equals(text(meta, "actorId"), text(e, "actorId"))) return "actor";
        if (!Objects.equals(AuditChain.normalizeIp(text(meta, "clientIp")), text(e, "clientIp"))) return "client address";
        return null;
    }

    /** The fields of two canonical forms that differ, by name. */
    private static String difference(String expected, String actual) {
        Map<String, String> a = fields(expected), b = fields(actual);
        List<String> differing = new ArrayList<>();
        for (String k : a.keySet()) if (!Objects.equals(a.get(k), b.get(k))) differing.add(k);
        for (String k : b.keySet()) if (!a.containsKey(k)) differing.add(k);
        return "field " + String.join(", ", differing);
    }

    private static Map<String, String> fields(String canonical) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : canonical.split("\\|")) {
            int eq = part.indexOf('=');
            out.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        return out;
    }
}
