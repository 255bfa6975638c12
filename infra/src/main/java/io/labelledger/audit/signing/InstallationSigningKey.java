package io.labelledger.audit.signing;

import io.labelledger.audit.chain.AuditChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The installation's Ed25519 key that signs audit checkpoints (ADR 0051): generated on the first start into the data
 * directory ({@code audit-signing.key}, 0600: the private key as PKCS#8 and the public key as X.509, both base64), read
 * from there afterwards. The JDK's own Ed25519 (no extra library). Whoever holds the database but not this file cannot
 * sign a rewritten history; keep a copy of the public key outside the installation (docs/audit-verification.md).
 */
public final class InstallationSigningKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private InstallationSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static synchronized InstallationSigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                p.load(in);
            }
            PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private", ""))));
            PublicKey pub = AuditChain.publicKey(p.getProperty("public", ""));
            InstallationSigningKey key = new InstallationSigningKey(priv, pub);
            if (!AuditChain.verifies(pub, "probe", key.sign("probe")))
                throw new IllegalStateException("The audit signing key in " + file + " is not a key pair");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key in " + file + " cannot be read", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".audit-signing", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.writeString(tmp, "# LabelLedger audit signing key (Ed25519); keep it secret, back it up with the data directory\n"
                    + "private=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + "public=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE); // one replica creates it (start one first on a shared data directory)
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String sign(String message) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(privateKey);
            ed.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() { return publicKey; }

    public String publicKeyBase64() { return Base64.getEncoder().encodeToString(publicKey.getEncoded()); }

    public String keyId() { return AuditChain.keyId(publicKey); }

    public String pem() { return AuditChain.pem(publicKey); }
}
