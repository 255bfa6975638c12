package io.labelledger.task.read.filter;

import io.labelledger.shared.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link TaskFilter} against the column types and compiles it to a parameterized SQL condition over
 * dm_task. Nothing the client sends is ever part of the SQL text: column expressions come from {@link TaskColumn},
 * every value (data paths and control names too) is a bind parameter. Regexes are bounded in length and every
 * filtered query runs under a statement timeout (TaskQueries).
 */
public final class FilterCompiler {
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_LIST = 100;
    public static final int MAX_TEXT = 500;
    public static final int MAX_REGEX = 100;
    public static final int MAX_PATH = 8;
    /** The value of a PEOPLE condition that stands for the caller (e.g. "annotated by me"). */
    public static final String ME = "@me";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A compiled condition: SQL text with named parameters, and their values. */
    public record Sql(String where, Map<String, Object> params) {}

    private final String callerId;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String prefix = "f";

    private FilterCompiler(String callerId) {
        this.callerId = callerId;
    }

    /** The filter as one SQL condition ("TRUE" when empty); {@code callerId} resolves "@me". */
    public static Sql compile(TaskFilter filter, String callerId) {
        FilterCompiler c = new FilterCompiler(callerId);
        if (filter == null || filter.isEmpty()) return new Sql("TRUE", Map.of());
        if (filter.conditions().size() > MAX_CONDITIONS) {
            throw refused(ErrorCode.FILTER_VALUE, List.of("conditions"), "At most " + MAX_CONDITIONS + " conditions");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < filter.conditions().size(); i++) parts.add(c.condition(filter.conditions().get(i), i));
        return new Sql("(" + String.join(filter.any() ? " OR " : " AND ", parts) + ")", Map.copyOf(c.params));
    }

    /** Checks a sort column and path (DATA: a key path); the SQL expression to order by. */
    public static Sql sortExpression(TaskColumn column, List<String> path) {
        if (column == null || !column.sortable()) {
            throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, List.of("orderBy", "field"), "Not a sortable column: " + column);
        }
        if (column != TaskColumn.DATA) return new Sql(column.column, Map.of());
        FilterCompiler c = new FilterCompiler(null);
        c.prefix = "s";
        String p = c.param(checkedPath(path, List.of("orderBy", "path")).toArray(String[]::new));
        return new Sql("(data #> CAST(" + p + " AS text[]))", Map.copyOf(c.params));
    }

    private String condition(TaskCondition cond, int index) {
        List<String> at = List.of("conditions", Integer.toString(index));
        if (cond == null || cond.column() == null) throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, field(at, "column"), "Unknown column");
        TaskColumn col = cond.column();
        FilterOperator op = cond.operator();
        if (op == null || !col.type().operators().contains(op)) {
            throw refused(ErrorCode.FILTER_OPERATOR, field(at, "operator"),
                    "The operator " + op + " does not apply to " + col + " (" + col.type() + ")");
        }
        List<String> valueAt = field(at, "value");
        return switch (col.type()) {
            case INTEGER, NUMBER -> scalar(col.column, col.nullable, op, cond.value(), valueAt, v -> number(v, valueAt));
            case DATE -> scalar(col.column, false, op, cond.value(), valueAt, v -> date(v, valueAt));
            case BOOLEAN -> scalar(col.column, false, op, cond.value(), valueAt, v -> bool(v, valueAt));
            case CHOICE -> scalar(col.column, false, op, cond.value(), valueAt, v -> choice(v, valueAt));
            case PEOPLE, TEXT_SET -> set(col, op, cond.value(), valueAt);
            case LABELS -> labels(checkedPath(cond.path(), field(at, "path")), op, cond.value(), valueAt);
            case DATA -> data(checkedPath(cond.path(), field(at, "path")), op, cond.value(), valueAt);
        };
    }

    /** Columns of one SQL type: comparisons, ranges and lists. */
    private String scalar(String col, boolean nullable, FilterOperator op, Object value, List<String> at,
                          java.util.function.Function<Object, Object> convert) {
        return switch (op) {
            case EQUAL -> col + " = " + param(convert.apply(value));
            case NOT_EQUAL -> col + " IS DISTINCT FROM " + param(convert.apply(value));
            case GREATER, AFTER -> col + " > " + param(convert.apply(value));
            case LESS, BEFORE -> col + " < " + param(convert.apply(value));
            case IN_RANGE, NOT_IN_RANGE -> {
                List<?> range = range(value, at);
                String between = col + " BETWEEN " + param(convert.apply(range.get(0))) + " AND " + param(convert.apply(range.get(1)));
                yield op == FilterOperator.IN_RANGE ? between : orNull(col, nullable, "NOT (" + between + ")");
            }
            case IN_LIST, NOT_IN_LIST -> {
                List<Object> values = list(value, at).stream().map(convert).toList();
                String any = col + " = ANY(" + param(typedArray(values)) + ")";
                yield op == FilterOperator.IN_LIST ? any : orNull(col, nullable, "NOT (" + any + ")");
            }
            case EMPTY -> col + " IS NULL";
            case NOT_EMPTY -> col + " IS NOT NULL";
            default -> throw new IllegalStateException(op.name()); // excluded by ColumnType
        };
    }

    private static String orNull(String col, boolean nullable, String sql) {
        return nullable ? "(" + col + " IS NULL OR " + sql + ")" : sql;
    }

    /** Arrays of people or strings: containment (served by their GIN indexes). */
    private String set(TaskColumn col, FilterOperator op, Object value, List<String> at) {
        boolean people = col.type() == ColumnType.PEOPLE;
        return switch (op) {
            case CONTAINS -> col.column + " @> " + param(new String[]{member(value, at, people)});
            case NOT_CONTAINS -> "NOT (" + col.column + " @> " + param(new String[]{member(value, at, people)}) + ")";
            case IN_LIST -> col.column + " && " + param(list(value, at).stream().map(v -> member(v, at, people)).toArray(String[]::new));
            case NOT_IN_LIST -> "NOT (" + col.column + " && "
                                + param(list(value, at).stream().map(v -> member(v, at, people)).toArray(String[]::new)) + ")";
            case EMPTY -> "cardinality(" + col.column + ") = 0";
            case NOT_EMPTY -> "cardinality(" + col.column + ") > 0";
            default -> throw new IllegalStateException(op.name());
        };
    }

    private String member(Object value, List<String> at, boolean people) {
        String s = text(value, at);
        if (people && ME.equals(s)) {
            if (callerId == null) throw refused(ErrorCode.FILTER_VALUE, at, "\"@me\" needs a signed-in caller");
            return callerId;
        }
        return s;
    }

    /** The label values of one control: containment on the labels document (GIN), a regex over the values. */
    private String labels(List<String> path, FilterOperator op, Object value, List<String> at) {
        if (path.size() != 1) throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, List.of(at.get(0), at.get(1), "path"), "A label condition names one control");
        String control = path.getFirst();
        return switch (op) {
            case CONTAINS -> "labels @> " + labelDoc(control, text(value, at));
            case NOT_CONTAINS -> "NOT (labels @> " + labelDoc(control, text(value, at)) + ")";
            case IN_LIST, NOT_IN_LIST -> {
                List<String> any = new ArrayList<>();
                for (Object v : list(value, at)) any.add("labels @> " + labelDoc(control, text(v, at)));
                String sql = "(" + String.join(" OR ", any) + ")";
                yield op == FilterOperator.IN_LIST ? sql : "NOT " + sql;
            }
            case EMPTY -> "(labels -> " + param(control) + ") IS NULL";
            case NOT_EMPTY -> "(labels -> " + param(control) + ") IS NOT NULL";
            case REGEX -> "EXISTS (SELECT 1 FROM jsonb_array_elements_text(labels -> " + param(control) + ") v WHERE v ~ "
                          + param(regex(value, at)) + ")";
            default -> throw new IllegalStateException(op.name());
        };
    }

    private String labelDoc(String control, String value) {
        return param(JSON.writeValueAsString(Map.of(control, List.of(value)))) + "::jsonb";
    }

    /** A data field by path: equality as containment (GIN on data), text and number comparisons on the value. */
    private String data(List<String> path, FilterOperator op, Object value, List<String> at) {
        // the path parameter only where the SQL reads the value by path (equality and lists use containment)
        java.util.function.Supplier<String> text = () -> "(data #>> CAST(" + param(path.toArray(String[]::new)) + " AS text[]))";
        java.util.function.Supplier<String> numeric = () -> {
            String p = "CAST(" + param(path.toArray(String[]::new)) + " AS text[])";
            return "(CASE WHEN jsonb_typeof(data #> " + p + ") = 'number' THEN (data #>> " + p + ")::numeric END)";
        };
        return switch (op) {
            case EQUAL -> "data @> " + dataDoc(path, jsonScalar(value, at));
            case NOT_EQUAL -> "NOT (data @> " + dataDoc(path, jsonScalar(value, at)) + ")";
            case IN_LIST, NOT_IN_LIST -> {
                List<String> any = new ArrayList<>();
                for (Object v : list(value, at)) any.add("data @> " + dataDoc(path, jsonScalar(v, at)));
                String sql = "(" + String.join(" OR ", any) + ")";
                yield op == FilterOperator.IN_LIST ? sql : "NOT " + sql;
            }
            case CONTAINS -> text.get() + " ILIKE " + param("%" + likeEscaped(text(value, at)) + "%");
            case NOT_CONTAINS -> "coalesce(" + text.get() + ", '') NOT ILIKE " + param("%" + likeEscaped(text(value, at)) + "%");
            case REGEX -> text.get() + " ~ " + param(regex(value, at));
            case EMPTY -> "coalesce(" + text.get() + ", '') = ''";
            case NOT_EMPTY -> "coalesce(" + text.get() + ", '') <> ''";
            case BEFORE -> text.get() + " < " + param(dateText(value, at));
            case AFTER -> text.get() + " > " + param(dateText(value, at));
            case GREATER, LESS -> {
                Object v = numberOrText(value, at);
                String cmp = op == FilterOperator.GREATER ? " > " : " < ";
                yield (v instanceof String ? text.get() : numeric.get()) + cmp + param(v);
            }
            case IN_RANGE, NOT_IN_RANGE -> {
                List<?> range = range(value, at);
                Object low = numberOrText(range.get(0), at);
                Object high = numberOrText(range.get(1), at);
                if ((low instanceof String) != (high instanceof String)) {
                    throw refused(ErrorCode.FILTER_VALUE, at, "Both ends of a range are numbers, or both text");
                }
                String between = (low instanceof String ? text.get() : numeric.get()) + " BETWEEN " + param(low) + " AND " + param(high);
                yield op == FilterOperator.IN_RANGE ? between : "NOT coalesce(" + between + ", false)";
            }
        };
    }

    private String dataDoc(List<String> path, Object leaf) {
        Object doc = leaf;
        for (int i = path.size() - 1; i >= 0; i--) doc = Map.of(path.get(i), doc);
        return param(JSON.writeValueAsString(doc)) + "::jsonb";
    }

    private static Object jsonScalar(Object value, List<String> at) {
        if (value instanceof String s) return checkedText(s, at);
        if (value instanceof Number || value instanceof Boolean) return value;
        throw refused(ErrorCode.FILTER_VALUE, at, "A text, number or true/false");
    }

    private static Object numberOrText(Object value, List<String> at) {
        if (value instanceof Number) return number(value, at);
        if (value instanceof String s) return checkedText(s, at);
        throw refused(ErrorCode.FILTER_VALUE, at, "A number or a text");
    }

    // ---- values ---------------------------------------------------------------------------------------------------

    private String param(Object value) {
        String name = prefix + params.size();
        params.put(name, value);
        return ":" + name;
    }

    private static List<String> field(List<String> at, String name) {
        List<String> f = new ArrayList<>(at);
        f.add(name);
        return List.copyOf(f);
    }

    private static List<String> checkedPath(List<String> path, List<String> at) {
        if (path == null || path.isEmpty()) throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, at, "A data field or control needs a path");
        if (path.size() > MAX_PATH) throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, at, "At most " + MAX_PATH + " keys in a path");
        for (String key : path) {
            if (key == null || key.isEmpty() || key.length() > 200) throw refused(ErrorCode.FILTER_UNKNOWN_FIELD, at, "Empty or too long key in the path");
        }
        return path;
    }

    private static String text(Object value, List<String> at) {
        if (value instanceof String s) return checkedText(s, at);
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        throw refused(ErrorCode.FILTER_VALUE, at, "A text value is needed");
    }

    private static String checkedText(String s, List<String> at) {
        if (s.length() > MAX_TEXT) throw refused(ErrorCode.FILTER_VALUE, at, "At most " + MAX_TEXT + " characters");
        return s;
    }

    private static String regex(Object value, List<String> at) {
        if (!(value instanceof String s) || s.isEmpty()) throw refused(ErrorCode.FILTER_VALUE, at, "A regular expression is needed");
        if (s.length() > MAX_REGEX) throw refused(ErrorCode.FILTER_VALUE, at, "A regular expression has at most " + MAX_REGEX + " characters");
        return s;
    }

    private static Object number(Object value, List<String> at) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) return ((Number) value).longValue();
        if (value instanceof java.math.BigInteger b && b.bitLength() < 64) return b.longValue();
        if (value instanceof Number n) return new BigDecimal(n.toString());
        throw refused(ErrorCode.FILTER_VALUE, at, "A number is needed");
    }

    private static Object bool(Object value, List<String> at) {
        if (value instanceof Boolean b) return b;
        throw refused(ErrorCode.FILTER_VALUE, at, "true or false is needed");
    }

    private static Object choice(Object value, List<String> at) {
        if (value instanceof String s && TaskColumn.REVIEW_STATES.contains(s)) return s;
        throw refused(ErrorCode.FILTER_VALUE, at, "One of " + TaskColumn.REVIEW_STATES);
    }

    /** A date-time (ISO 8601 with offset) or a date (its start, UTC). */
    private static Object date(Object value, List<String> at) {
        if (value instanceof String s) {
            try {
                return OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(s).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    // falls through to the refusal
                }
            }
        }
        throw refused(ErrorCode.FILTER_VALUE, at, "A date (2026-12-07) or date-time (2026-12-07T10:00:00Z) is needed");
    }

    /** Dates inside task data are text: an ISO date compares correctly as text. */
    private static String dateText(Object value, List<String> at) {
        date(value, at);
        return (String) value;
    }

    private static List<?> list(Object value, List<String> at) {
        if (!(value instanceof List<?> l) || l.isEmpty()) throw refused(ErrorCode.FILTER_VALUE, at, "A list of values is needed");
        if (l.size() > MAX_LIST) throw refused(ErrorCode.FILTER_VALUE, at, "At most " + MAX_LIST + " values");
        return l;
    }

    private static List<?> range(Object value, List<String> at) {
        if (!(value instanceof List<?> l) || l.size() != 2 || l.get(0) == null || l.get(1) == null) {
            throw refused(ErrorCode.FILTER_VALUE, at, "A range is [low, high]");
        }
        return l;
    }

    /** An array parameter of one element type (the driver infers the SQL array type from it). */
    private static Object typedArray(List<Object> values) {
        Object first = values.getFirst();
        if (values.stream().anyMatch(v -> v instanceof BigDecimal)) {
            return values.stream().map(v -> new BigDecimal(v.toString())).toArray(BigDecimal[]::new);
        }
        if (first instanceof Long) return values.stream().map(v -> v instanceof Long l ? l : ((Number) v).longValue()).toArray(Long[]::new);
        if (first instanceof BigDecimal) return values.stream().map(v -> new BigDecimal(v.toString())).toArray(BigDecimal[]::new);
        if (first instanceof Boolean) return values.toArray(Boolean[]::new);
        if (first instanceof OffsetDateTime) return values.toArray(OffsetDateTime[]::new);
        return values.stream().map(Object::toString).toArray(String[]::new);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static FilterRefused refused(ErrorCode code, List<String> field, String message) {
        return new FilterRefused(code, field, message);
    }
}
