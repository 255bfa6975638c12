package io.labelledger.identity.saml;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service provider's signing key per organization: RSA 2048 with a self-signed certificate (IdPs trust it from
 * our metadata, not from a CA). The private key is stored sealed with AES-256-GCM under the server's master key,
 * with the organization id as associated data so a sealed key cannot be moved to another organization's row.
 */
public final class SsoKeys {
    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec masterKey; // null when the server has none: SSO cannot be configured

    public SsoKeys(String masterKeyBase64) {
        if (masterKeyBase64 == null || masterKeyBase64.isBlank()) {
            this.masterKey = null;
        } else {
            byte[] raw = Base64.getDecoder().decode(masterKeyBase64.strip());
            if (raw.length != 32) throw new IllegalStateException("labelledger.sso.master-key must be 32 bytes, base64");
            this.masterKey = new SecretKeySpec(raw, "AES");
        }
    }

    public boolean available() {
        return masterKey != null;
    }

    public record SpKey(X509Certificate certificate, PrivateKey privateKey) {}

    /** A new key pair and a self-signed certificate valid for ten years. */
    public static SpKey generate(String subject, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + subject.replaceAll("[^A-Za-z0-9 ._-]", "_"));
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(128, RANDOM), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new SpKey(certificate, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not generate the SP signing key", e);
        }
    }

    public byte[] seal(PrivateKey key, String organizationId) {
        if (masterKey == null) throw new IllegalStateException("no SSO master key");
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(organizationId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(key.getEncoded());
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the SP key", e);
        }
    }

    public PrivateKey open(byte[] sealed, String organizationId) {
        if (masterKey == null) throw new IllegalStateException("no SSO master key");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(organizationId.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(sealed, 12, sealed.length - 12);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open the SP key (wrong master key?)", e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 DER body, as XML signatures' KeyInfo carries it. */
    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<X509Certificate> parsePem(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) out.add(parseBase64(m.group(1)));
        return out;
    }

    public static X509Certificate parseBase64(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, "unreadable certificate");
        }
    }
}
