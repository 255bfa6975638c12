package io.labelledger.identity.read.scim;

import io.labelledger.identity.read.scim.ScimFilter.And;
import io.labelledger.identity.read.scim.ScimFilter.Compare;
import io.labelledger.identity.read.scim.ScimFilter.Not;
import io.labelledger.identity.read.scim.ScimFilter.Op;
import io.labelledger.identity.read.scim.ScimFilter.Or;
import io.labelledger.identity.read.scim.ScimFilter.Present;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a filter tree into a SQL condition. Only column expressions from the resource's fixed map are written
 * into the text; every value from the client is a bind parameter ({@code ?}, in order). A filter the resource cannot
 * answer (an unknown attribute, a value of the wrong type) is an {@link InvalidScimFilter}.
 */
public final class ScimSql {
    /** caseExact=false strings compare lower-cased (RFC 7643 §2.1: userName, displayName...). */
    public enum Type { STRING_CI, STRING_EXACT, BOOLEAN, TIMESTAMP }

    /**
     * One filterable attribute: a SQL expression and its type. {@code exists}, when set, wraps the condition for a
     * multi-valued attribute ({@code %s} is replaced by the condition on {@code expression}).
     */
    public record Column(String expression, Type type, String exists) {
        public Column(String expression, Type type) { this(expression, type, null); }
    }

    public record Condition(String sql, List<Object> params) {}

    /** The filter names what the resource cannot filter on, or compares a value of the wrong type. */
    public static final class InvalidScimFilter extends IllegalArgumentException {
        public InvalidScimFilter(String message) {
            super(message);
        }
    }

    private final Map<String, Column> columns;
    private final List<Object> params = new ArrayList<>();

    private ScimSql(Map<String, Column> columns) {
        this.columns = columns;
    }

    public static Condition where(ScimFilter filter, Map<String, Column> columns) {
        ScimSql s = new ScimSql(columns);
        String sql = s.sql(filter);
        return new Condition(sql, List.copyOf(s.params));
    }

    private String sql(ScimFilter f) {
        return switch (f) {
            case And a -> "(" + sql(a.left()) + " AND " + sql(a.right()) + ")";
            case Or o -> "(" + sql(o.left()) + " OR " + sql(o.right()) + ")";
            case Not n -> "(NOT COALESCE(" + sql(n.filter()) + ", FALSE))";
            case Present p -> wrap(column(p.attribute()), present(column(p.attribute())));
            case Compare c -> wrap(column(c.attribute()), compare(c, column(c.attribute())));
        };
    }

    private Column column(String attribute) {
        Column c = columns.get(attribute);
        if (c == null) throw new InvalidScimFilter("Filtering on '" + attribute + "' is not supported");
        return c;
    }

    private static String wrap(Column c, String condition) {
        return c.exists() == null ? condition : c.exists().formatted(condition);
    }

    private static String present(Column c) {
        return switch (c.type()) {
            case STRING_CI, STRING_EXACT -> "(" + c.expression() + " IS NOT NULL AND " + c.expression() + " <> '')";
            default -> "(" + c.expression() + " IS NOT NULL)";
        };
    }

    private String compare(Compare c, Column col) {
        Object v = c.value();
        String e = col.expression();
        if (v == null) {
            if (c.op() == Op.EQ) return "(" + e + " IS NULL)";
            if (c.op() == Op.NE) return "(" + e + " IS NOT NULL)";
            throw new InvalidScimFilter("null can only be compared with eq or ne");
        }
        return switch (col.type()) {
            case BOOLEAN -> {
                if (!(v instanceof Boolean b)) throw new InvalidScimFilter(c.attribute() + " is true or false");
                if (c.op() != Op.EQ && c.op() != Op.NE) throw new InvalidScimFilter(c.attribute() + " takes eq or ne");
                params.add(b);
                yield c.op() == Op.EQ ? "(" + e + " = ?)" : "(" + e + " IS DISTINCT FROM ?)";
            }
            case TIMESTAMP -> {
                if (!(v instanceof String s)) throw new InvalidScimFilter(c.attribute() + " is compared with a quoted date-time");
                OffsetDateTime t;
                try {
                    t = OffsetDateTime.parse(s);
                } catch (DateTimeParseException ex) {
                    throw new InvalidScimFilter("'" + s + "' is not an xsd:dateTime");
                }
                params.add(t);
                yield switch (c.op()) {
                    case EQ -> "(" + e + " = ?)";
                    case NE -> "(" + e + " IS DISTINCT FROM ?)";
                    case GT -> "(" + e + " > ?)";
                    case GE -> "(" + e + " >= ?)";
                    case LT -> "(" + e + " < ?)";
                    case LE -> "(" + e + " <= ?)";
                    default -> throw new InvalidScimFilter(c.attribute() + " does not take " + c.op().name().toLowerCase(Locale.ROOT));
                };
            }
            case STRING_CI, STRING_EXACT -> {
                if (!(v instanceof String s)) throw new InvalidScimFilter(c.attribute() + " is compared with a quoted string");
                boolean ci = col.type() == Type.STRING_CI;
                String x = ci ? "lower(" + e + ")" : e;
                String value = ci ? s.toLowerCase(Locale.ROOT) : s;
                yield switch (c.op()) {
                    case EQ -> bind(x + " = ?", value);
                    case NE -> bind(x + " IS DISTINCT FROM ?", value);
                    case CO -> bind(x + " LIKE ? ESCAPE '\\'", "%" + like(value) + "%");
                    case SW -> bind(x + " LIKE ? ESCAPE '\\'", like(value) + "%");
                    case EW -> bind(x + " LIKE ? ESCAPE '\\'", "%" + like(value));
                    case GT -> bind(x + " > ?", value);
                    case GE -> bind(x + " >= ?", value);
                    case LT -> bind(x + " < ?", value);
                    case LE -> bind(x + " <= ?", value);
                };
            }
        };
    }

    private String bind(String condition, Object value) {
        params.add(value);
        return "(" + condition + ")";
    }

    /** The value matches literally inside LIKE: its own % and _ are not wildcards. */
    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
