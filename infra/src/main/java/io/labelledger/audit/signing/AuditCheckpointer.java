package io.labelledger.audit.signing;

import io.labelledger.audit.api.AuditCheckpointSigned;
import io.labelledger.audit.chain.AuditChain;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the heads of the audit chains (ADR 0051): a chain is due when {@code everyEvents} entries were added since its
 * last checkpoint, or some were and {@code every} has passed. Each checkpoint is an {@link AuditCheckpointSigned} event
 * (the organization's, so it is an entry of its chain too; the global chain's has no organization) and, when a sink
 * file is configured, a JSON line appended to it (a copy outside the database). With several replicas two may sign
 * the same head: both checkpoints verify, nothing breaks.
 */
public class AuditCheckpointer {
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointer.class);
    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final InstallationSigningKey key;
    private final Clock clock;
    private final long everyEvents;
    private final Duration every;
    private final Path sink;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Instant started;
    /** What this process signed last per chain (the projection records checkpoints a moment later). */
    private final Map<String, Long> signed = new ConcurrentHashMap<>();

    public AuditCheckpointer(JdbcTemplate jdbc, EventGateway events, InstallationSigningKey key, Clock clock, long everyEvents,
                             Duration every, Path sink) {
        this.jdbc = jdbc;
        this.events = events;
        this.key = key;
        this.clock = clock;
        this.everyEvents = everyEvents;
        this.every = every;
        this.sink = sink;
        this.started = clock.instant();
    }

    public void checkpointQuietly() {
        try {
            checkpoint(false, null);
        } catch (RuntimeException e) {
            log.warn("Could not sign audit checkpoints: {}", e.toString());
        }
    }

    /**
     * Signs every chain that is due ({@code force}: every chain with a new entry; {@code onlyChain}: that chain alone,
     * an organization id or "global", null for all); returns how many it signed.
     */
    public synchronized int checkpoint(boolean force, String onlyChain) {
        record Head(String chain, long seq, String hash, Long lastSeq, Instant lastAt) {}
        List<Head> heads = jdbc.query("""
                SELECT h.chain, h.seq, h.hash, cp.seq AS last_seq, cp.signed_at AS last_at FROM audit_chain_head h
                LEFT JOIN LATERAL (SELECT seq, signed_at FROM audit_checkpoint WHERE chain = h.chain ORDER BY seq DESC LIMIT 1) cp ON TRUE""",
                (r, i) -> new Head(r.getString("chain"), r.getLong("seq"), r.getString("hash"), (Long) r.getObject("last_seq", Long.class),
                        r.getTimestamp("last_at") == null ? null : r.getTimestamp("last_at").toInstant()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int count = 0;
        for (Head h : heads) {
            if (onlyChain != null && !onlyChain.equals(h.chain())) continue;
            long last = Math.max(h.lastSeq() == null ? 0 : h.lastSeq(), signed.getOrDefault(h.chain(), 0L));
            // an organization's checkpoint is itself the entry after the head it signs: it is not news
            long added = h.seq() - last - (last > 0 && !AuditChain.GLOBAL.equals(h.chain()) ? 1 : 0);
            if (added <= 0) continue;
            Instant lastAt = h.lastAt() == null ? started : h.lastAt();
            boolean due = force || added >= everyEvents || !lastAt.plus(every).isAfter(now);
            if (!due) continue;
            sign(h.chain(), h.seq(), h.hash(), now);
            count++;
        }
        return count;
    }

    private void sign(String chain, long seq, String head, Instant at) {
        String message = AuditChain.checkpointMessage(chain, seq, head, at);
        String signature = key.sign(message);
        OrganizationId organization = AuditChain.GLOBAL.equals(chain) ? null : new OrganizationId(chain);
        AuditCheckpointSigned event = new AuditCheckpointSigned(organization, seq, head, at, message, signature, key.keyId(), key.publicKeyBase64());
        Map<String, Object> meta = new LinkedHashMap<>();
        if (organization != null) meta.put("organizationId", chain);
        events.publish(GenericEventMessage.asEventMessage(event).andMetaData(MetaData.from(meta)));
        signed.put(chain, seq);
        if (sink != null) append(event);
    }

    private void append(AuditCheckpointSigned c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "checkpoint");
        line.put("chain", c.organizationId() == null ? AuditChain.GLOBAL : c.organizationId().value());
        line.put("seq", c.sequence());
        line.put("headHash", c.headHash());
        line.put("signedAt", c.signedAt().toString());
        line.put("message", c.message());
        line.put("signature", c.signature());
        line.put("keyId", c.keyId());
        try {
            Files.createDirectories(sink.toAbsolutePath().getParent());
            try (var channel = java.nio.channels.FileChannel.open(sink, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.warn("Could not append the audit checkpoint to {}: {}", sink, e.toString());
        }
    }
}
