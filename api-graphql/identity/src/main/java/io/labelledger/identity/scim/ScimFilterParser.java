package io.labelledger.identity.scim;

import io.labelledger.identity.read.scim.ScimFilter;

import io.labelledger.identity.read.scim.ScimFilter.And;
import io.labelledger.identity.read.scim.ScimFilter.Compare;
import io.labelledger.identity.read.scim.ScimFilter.Not;
import io.labelledger.identity.read.scim.ScimFilter.Op;
import io.labelledger.identity.read.scim.ScimFilter.Or;
import io.labelledger.identity.read.scim.ScimFilter.Present;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recursive-descent parser for SCIM filters (docs/adr/0014 says why it is hand-written). Grammar, loosest first:
 * <pre>
 *   filter  = and ("or" and)*
 *   and     = unary ("and" unary)*
 *   unary   = "not" "(" filter ")" | "(" filter ")" | attr "pr" | attr op value
 *   value   = JSON string | true | false | null | number
 * </pre>
 * Attribute names are matched case-insensitively against an allow-list; anything else (e.g. {@code password}) and
 * every syntax error is {@code invalidFilter}. Input length and nesting depth are bounded.
 */
public final class ScimFilterParser {
    static final int MAX_LENGTH = 2_000;
    static final int MAX_DEPTH = 32;

    private final Map<String, String> allowed;
    private List<Token> tokens;
    private int pos;
    private int depth;

    private ScimFilterParser(List<String> allowedAttributes) {
        this.allowed = allowedAttributes.stream()
                .collect(Collectors.toMap(a -> a.toLowerCase(Locale.ROOT), Function.identity()));
    }

    public static ScimFilter parse(String text, List<String> allowedAttributes) {
        if (text == null || text.isBlank()) throw ScimException.invalidFilter("The filter is empty");
        if (text.length() > MAX_LENGTH) throw ScimException.invalidFilter("The filter is too long");
        ScimFilterParser p = new ScimFilterParser(allowedAttributes);
        p.tokens = tokenize(text);
        p.pos = 0;
        ScimFilter f = p.or();
        if (p.pos < p.tokens.size()) throw ScimException.invalidFilter("Unexpected '" + p.tokens.get(p.pos).text + "'");
        return f;
    }

    private ScimFilter or() {
        ScimFilter left = and();
        while (keyword("or")) left = new Or(left, and());
        return left;
    }

    private ScimFilter and() {
        ScimFilter left = unary();
        while (keyword("and")) left = new And(left, unary());
        return left;
    }

    private ScimFilter unary() {
        if (++depth > MAX_DEPTH) throw ScimException.invalidFilter("The filter is nested too deeply");
        try {
            if (keyword("not")) {
                expect(Kind.OPEN, "'(' after not");
                ScimFilter inner = or();
                expect(Kind.CLOSE, "')'");
                return new Not(inner);
            }
            if (peek(Kind.OPEN)) {
                pos++;
                ScimFilter inner = or();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            return attributeExpression();
        } finally {
            depth--;
        }
    }

    private ScimFilter attributeExpression() {
        Token name = expect(Kind.WORD, "an attribute name");
        String attribute = allowed.get(name.text.toLowerCase(Locale.ROOT));
        if (attribute == null) throw ScimException.invalidFilter("Filtering on '" + name.text + "' is not supported");
        Token op = expect(Kind.WORD, "an operator after " + name.text);
        String o = op.text.toLowerCase(Locale.ROOT);
        if (o.equals("pr")) return new Present(attribute);
        Op operator = switch (o) {
            case "eq" -> Op.EQ; case "ne" -> Op.NE; case "co" -> Op.CO; case "sw" -> Op.SW; case "ew" -> Op.EW;
            case "gt" -> Op.GT; case "ge" -> Op.GE; case "lt" -> Op.LT; case "le" -> Op.LE;
            default -> throw ScimException.invalidFilter("Unknown operator '" + op.text + "'");
        };
        return new Compare(attribute, operator, value());
    }

    private Object value() {
        if (pos >= tokens.size()) throw ScimException.invalidFilter("A comparison value is missing");
        Token t = tokens.get(pos++);
        if (t.kind == Kind.STRING) return t.text;
        if (t.kind == Kind.WORD) {
            switch (t.text) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                default:
                    if (t.text.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) return new BigDecimal(t.text);
            }
        }
        throw ScimException.invalidFilter("'" + t.text + "' is not a value (strings are quoted)");
    }

    private boolean keyword(String word) {
        if (pos < tokens.size() && tokens.get(pos).kind == Kind.WORD && tokens.get(pos).text.equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(Kind kind) {
        return pos < tokens.size() && tokens.get(pos).kind == kind;
    }

    private Token expect(Kind kind, String what) {
        if (!peek(kind)) {
            throw ScimException.invalidFilter("Expected " + what + (pos < tokens.size() ? " at '" + tokens.get(pos).text + "'" : " at the end"));
        }
        return tokens.get(pos++);
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, OPEN, CLOSE }

    private record Token(Kind kind, String text) {}

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) throw ScimException.invalidFilter("A string is not closed");
                    char d = s.charAt(i++);
                    if (d == '"') break;
                    if (d == '\\') {
                        if (i >= s.length()) throw ScimException.invalidFilter("A string is not closed");
                        char e = s.charAt(i++);
                        switch (e) {
                            case '"', '\\', '/' -> b.append(e);
                            case 'b' -> b.append('\b');
                            case 'f' -> b.append('\f');
                            case 'n' -> b.append('\n');
                            case 'r' -> b.append('\r');
                            case 't' -> b.append('\t');
                            case 'u' -> {
                                if (i + 4 > s.length()) throw ScimException.invalidFilter("Bad \\u escape");
                                try {
                                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                } catch (NumberFormatException ex) {
                                    throw ScimException.invalidFilter("Bad \\u escape");
                                }
                                i += 4;
                            }
                            default -> throw ScimException.invalidFilter("Bad escape \\" + e);
                        }
                    } else {
                        b.append(d);
                    }
                }
                out.add(new Token(Kind.STRING, b.toString()));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) i++;
                out.add(new Token(Kind.WORD, s.substring(start, i)));
            } else {
                throw ScimException.invalidFilter("Unexpected character '" + c + "'"); // incl. '[' value paths
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '_' || c == '-' || c == '$' || c == '+';
    }
}
