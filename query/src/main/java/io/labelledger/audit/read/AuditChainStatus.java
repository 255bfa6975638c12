package io.labelledger.audit.read;

import java.time.Instant;

/**
 * The organization's chain: its head and its latest signed checkpoint (null fields when none yet). The audit-log
 * projection records a checkpoint only after checking its signature and that the chain holds the signed head there,
 * so {@code signedSeq} is "verified up to #N, signed at T".
 */
public record AuditChainStatus(long headSeq, String headHash, Long signedSeq, Instant signedAt, String keyId) {}
