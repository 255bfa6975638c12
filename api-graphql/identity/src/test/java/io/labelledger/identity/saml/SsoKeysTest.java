package io.labelledger.identity.saml;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsoKeysTest {
    static String masterKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void a_sealed_key_opens_only_for_its_organization_and_master_key() {
        SsoKeys keys = new SsoKeys(masterKey());
        SsoKeys.SpKey key = SsoKeys.generate("LabelLedger SP org-1", Instant.now());
        byte[] sealed = keys.seal(key.privateKey(), "org-1");

        assertThat(keys.open(sealed, "org-1").getEncoded()).isEqualTo(key.privateKey().getEncoded());
        assertThatThrownBy(() -> keys.open(sealed, "org-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SsoKeys(masterKey()).open(sealed, "org-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void certificates_survive_pem_and_garbage_is_a_typed_refusal() {
        SsoKeys.SpKey key = SsoKeys.generate("x", Instant.now());
        assertThat(SsoKeys.parsePem(SsoKeys.pem(key.certificate()))).containsExactly(key.certificate());
        assertThatThrownBy(() -> SsoKeys.parseBase64("not base64 at all!"))
                .isInstanceOfSatisfying(SamlRefused.class, e -> assertThat(e.reason()).isEqualTo(SamlRefused.Reason.MALFORMED));
    }

    @Test
    void without_a_master_key_sso_is_unavailable() {
        assertThat(new SsoKeys("").available()).isFalse();
        assertThat(new SsoKeys(masterKey()).available()).isTrue();
    }

    @Test
    void metadata_with_a_doctype_is_refused_before_any_entity_is_resolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                     + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&x;\"/>";
        assertThatThrownBy(() -> IdpMetadata.parse(xxe))
                .isInstanceOfSatisfying(SamlRefused.class, e -> assertThat(e.reason()).isEqualTo(SamlRefused.Reason.MALFORMED));
    }
}
