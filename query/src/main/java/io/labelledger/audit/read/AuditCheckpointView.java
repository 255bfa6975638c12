package io.labelledger.audit.read;

import java.time.Instant;

public record AuditCheckpointView(String chain, long seq, String headHash, Instant signedAt, String message, String signature,
                                  String keyId, String publicKey) {}
