package io.labelledger.identity.scim;

import io.labelledger.identity.read.scim.ScimSql;

import io.labelledger.identity.read.scim.ScimSql.Column;
import io.labelledger.identity.read.scim.ScimSql.Condition;
import io.labelledger.identity.read.scim.ScimSql.Type;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimSqlTest {
    static final Map<String, Column> COLUMNS = Map.of(
            "userName", new Column("s.user_name", Type.STRING_CI),
            "id", new Column("s.user_id", Type.STRING_EXACT),
            "active", new Column("m.active", Type.BOOLEAN),
            "meta.created", new Column("s.created_at", Type.TIMESTAMP),
            "members.value", new Column("gm.user_id", Type.STRING_EXACT, "EXISTS (SELECT 1 FROM rm_group_member gm WHERE %s)"));

    static Condition where(String filter) {
        return ScimSql.where(ScimFilterParser.parse(filter, List.copyOf(COLUMNS.keySet())), COLUMNS);
    }

    @Test
    void givenAValueWithSqlInIt_whenTranslated_thenItIsOnlyABindParameter() {
        Condition c = where("userName eq \"x' OR '1'='1\"");
        assertThat(c.sql()).isEqualTo("(lower(s.user_name) = ?)").doesNotContain("OR");
        assertThat(c.params()).containsExactly("x' or '1'='1");
    }

    @Test
    void givenCaseInsensitiveAttribute_whenCompared_thenBothSidesAreLowerCased() {
        assertThat(where("userName eq \"BJensen@Example.com\"").params()).containsExactly("bjensen@example.com");
        assertThat(where("id eq \"AbC\"").params()).containsExactly("AbC");
    }

    @Test
    void givenLikeOperators_whenTranslated_thenWildcardsInTheValueAreEscaped() {
        assertThat(where("userName co \"a%_b\"").params()).containsExactly("%a\\%\\_b%");
        assertThat(where("userName sw \"a\"").params()).containsExactly("a%");
        assertThat(where("userName ew \"a\"").params()).containsExactly("%a");
    }

    @Test
    void givenBooleansLogicAndNot_whenTranslated_thenTheTreeShapeIsKept() {
        Condition c = where("not (active eq true) or (userName pr and id ne \"x\")");
        assertThat(c.sql()).isEqualTo("((NOT COALESCE((m.active = ?), FALSE)) OR ((s.user_name IS NOT NULL AND s.user_name <> '') AND (s.user_id IS DISTINCT FROM ?)))");
        assertThat(c.params()).containsExactly(true, "x");
    }

    @Test
    void givenATimestamp_whenCompared_thenItIsBoundAsATimestamp() {
        Condition c = where("meta.created gt \"2026-11-01T00:00:00Z\"");
        assertThat(c.sql()).isEqualTo("(s.created_at > ?)");
        assertThat(c.params()).containsExactly(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void givenAMultiValuedAttribute_whenCompared_thenTheConditionIsWrappedInExists() {
        assertThat(where("members.value eq \"u1\"").sql()).isEqualTo("EXISTS (SELECT 1 FROM rm_group_member gm WHERE (gm.user_id = ?))");
    }

    @Test
    void givenTypeMismatches_whenTranslated_thenInvalidFilter() {
        for (String f : List.of("active eq \"yes\"", "active gt true", "meta.created gt \"yesterday\"", "meta.created co \"2026\"",
                "userName eq 5", "userName gt null")) {
            assertThatThrownBy(() -> where(f)).as(f).isInstanceOf(ScimSql.InvalidScimFilter.class); // ScimService answers invalidFilter
        }
    }
}
