package io.labelledger.audit.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The installation signed the head of an audit chain (ADR 0051, docs/audit-verification.md): the chain of
 * {@code organizationId}, or the global chain of every organization when it is null. {@code message} is exactly the
 * signed text ({@code LLA1-CHECKPOINT|chain=…|seq=…|head=…|at=…}); {@code signature} is the Ed25519 signature of its
 * UTF-8 bytes (base64); {@code publicKey} the signer's key (base64 of its X.509 SubjectPublicKeyInfo), {@code keyId}
 * the first 16 hex digits of that encoding's SHA-256. Not an aggregate's event: published on the event bus.
 */
@Revision("1")
public record AuditCheckpointSigned(OrganizationId organizationId, long sequence, String headHash, Instant signedAt,
                                    String message, String signature, String keyId, String publicKey) {}
