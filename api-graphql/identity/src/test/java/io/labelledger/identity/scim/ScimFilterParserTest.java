package io.labelledger.identity.scim;

import io.labelledger.identity.read.scim.ScimFilter;

import io.labelledger.identity.read.scim.ScimFilter.And;
import io.labelledger.identity.read.scim.ScimFilter.Compare;
import io.labelledger.identity.read.scim.ScimFilter.Not;
import io.labelledger.identity.read.scim.ScimFilter.Op;
import io.labelledger.identity.read.scim.ScimFilter.Or;
import io.labelledger.identity.read.scim.ScimFilter.Present;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimFilterParserTest {
    static final List<String> USER = List.of("userName", "name.givenName", "name.familyName", "displayName", "emails.value",
            "externalId", "active", "meta.created", "meta.lastModified", "id");

    static ScimFilter parse(String f) { return ScimFilterParser.parse(f, USER); }

    @ParameterizedTest
    @CsvSource({"eq,EQ", "ne,NE", "co,CO", "sw,SW", "ew,EW", "gt,GT", "ge,GE", "lt,LT", "le,LE", "EQ,EQ", "Sw,SW"})
    void givenEveryOperator_whenParsed_thenItIsAComparison(String op, Op expected) {
        assertThat(parse("userName " + op + " \"bjensen\"")).isEqualTo(new Compare("userName", expected, "bjensen"));
    }

    @Test
    void givenPresence_whenParsed_thenPresent() {
        assertThat(parse("externalId pr")).isEqualTo(new Present("externalId"));
    }

    @Test
    void givenAttributeInAnotherCase_whenParsed_thenTheCanonicalNameIsUsed() {
        assertThat(parse("USERNAME eq \"x\"")).isEqualTo(new Compare("userName", Op.EQ, "x"));
        assertThat(parse("name.GIVENNAME sw \"B\"")).isEqualTo(new Compare("name.givenName", Op.SW, "B"));
    }

    @Test
    void givenLiterals_whenParsed_thenTheyKeepTheirJsonType() {
        assertThat(parse("active eq true")).isEqualTo(new Compare("active", Op.EQ, true));
        assertThat(parse("active eq false")).isEqualTo(new Compare("active", Op.EQ, false));
        assertThat(parse("externalId eq null")).isEqualTo(new Compare("externalId", Op.EQ, null));
        assertThat(parse("id eq 42")).isEqualTo(new Compare("id", Op.EQ, new BigDecimal("42")));
        assertThat(parse("displayName eq \"a \\\"quoted\\\" \\u00e9\"")).isEqualTo(new Compare("displayName", Op.EQ, "a \"quoted\" é"));
    }

    @Test
    void givenAndOr_whenParsed_thenAndBindsTighter() {
        Compare a = new Compare("userName", Op.EQ, "a");
        Compare b = new Compare("userName", Op.EQ, "b");
        Compare c = new Compare("userName", Op.EQ, "c");
        assertThat(parse("userName eq \"a\" or userName eq \"b\" and userName eq \"c\"")).isEqualTo(new Or(a, new And(b, c)));
        assertThat(parse("userName eq \"a\" and userName eq \"b\" or userName eq \"c\"")).isEqualTo(new Or(new And(a, b), c));
    }

    @Test
    void givenParentheses_whenParsed_thenTheyGroup() {
        Compare a = new Compare("userName", Op.EQ, "a");
        Compare b = new Compare("userName", Op.EQ, "b");
        Compare c = new Compare("userName", Op.EQ, "c");
        assertThat(parse("(userName eq \"a\" or userName eq \"b\") and userName eq \"c\"")).isEqualTo(new And(new Or(a, b), c));
        assertThat(parse("((userName eq \"a\"))")).isEqualTo(a);
    }

    @Test
    void givenNot_whenParsed_thenItNegatesTheGroup() {
        assertThat(parse("not (active eq true) and userName pr"))
                .isEqualTo(new And(new Not(new Compare("active", Op.EQ, true)), new Present("userName")));
        assertThat(parse("NOT(userName eq \"a\" or userName eq \"b\")"))
                .isEqualTo(new Not(new Or(new Compare("userName", Op.EQ, "a"), new Compare("userName", Op.EQ, "b"))));
    }

    @Test
    void givenLeftAssociativeChains_whenParsed_thenTheyNestToTheLeft() {
        assertThat(parse("id pr and userName pr and active pr"))
                .isEqualTo(new And(new And(new Present("id"), new Present("userName")), new Present("active")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password eq \"x\"", "passwordHash pr", "userName eq \"a\" or password sw \"a\"",
            "not (password_hash eq \"x\")", "meta.resourceType eq \"User\"", "emails[type eq \"work\"]"})
    void givenAnAttributeOutsideTheAllowList_whenParsed_thenInvalidFilter(String filter) {
        assertThatThrownBy(() -> parse(filter)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo("invalidFilter");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "userName", "userName eq", "userName eq bjensen", "userName zz \"a\"",
            "userName eq \"a", "(userName eq \"a\"", "userName eq \"a\")", "userName eq \"a\" and", "and userName pr",
            "not userName eq \"a\"", "userName eq \"a\" userName eq \"b\"", "userName eq \"\\q\"", "userName eq \"a\" ; DROP TABLE x",
            "userName eq 'a'", "()"})
    void givenMalformedInput_whenParsed_thenInvalidFilter(String filter) {
        assertThatThrownBy(() -> parse(filter)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }

    @Test
    void givenDeepNesting_whenParsed_thenInvalidFilterInsteadOfAStackOverflow() {
        String deep = "(".repeat(500) + "id pr" + ")".repeat(500);
        assertThatThrownBy(() -> parse(deep)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }
}
