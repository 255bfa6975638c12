package io.labelledger.audit.read;

/** The installation's audit signing key as published (ADR 0051): its id, PEM (SubjectPublicKeyInfo) and base64 DER. */
public record AuditPublicKey(String keyId, String pem, String base64) {}
