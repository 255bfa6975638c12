package io.labelledger.identity.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimEtagTest {
    @Test
    void givenTheCurrentVersionInAnySpelling_whenChecked_thenItPasses() {
        assertThat(ScimEtag.of(3)).isEqualTo("W/\"3\"");
        ScimEtag.check(null, 3);
        ScimEtag.check("*", 3);
        ScimEtag.check("W/\"3\"", 3);
        ScimEtag.check("\"3\"", 3);
        ScimEtag.check("W/\"1\", W/\"3\"", 3);
    }

    @Test
    void givenAStaleVersion_whenChecked_thenPreconditionFailed() {
        assertThatThrownBy(() -> ScimEtag.check("W/\"2\"", 3)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> ScimEtag.check("W/\"33\"", 3)).isInstanceOf(ScimException.class);
        assertThat(ScimEtag.matches("W/\"2\"", 3)).isFalse();
    }
}
