package io.labelledger.project.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The value formats of Label Studio's {@code <DateTime only="...">}: ISO strings, whose shape follows {@code only}
 * (date+time when absent, a date, a time, a year-month or a year). Parsed values of one shape compare in time order.
 */
final class DateTimeValue {
    static final Set<String> PARTS = Set.of("date", "time", "month", "year");

    private DateTimeValue() {}

    static List<String> parts(String only) {
        if (only == null || only.isBlank()) return List.of();
        return Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** What the value should look like, for error messages. */
    static String shape(List<String> parts) {
        return switch (kind(parts)) {
            case DATE_TIME -> "an ISO date and time (2024-01-31T14:05)";
            case DATE -> "an ISO date (2024-01-31)";
            case TIME -> "a 24-hour time (14:05)";
            case MONTH -> "a year and month (2024-01)";
            case YEAR -> "a year (2024)";
        };
    }

    /** The parsed value, comparable with other values of the same {@code only}; null when it does not parse. */
    @SuppressWarnings("unchecked")
    static Comparable<Object> parse(String text, List<String> parts) {
        if (text == null) return null;
        try {
            Object v = switch (kind(parts)) {
                case DATE_TIME -> {
                    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(text);
                    yield LocalDateTime.from(t);
                }
                case DATE -> LocalDate.parse(text);
                case TIME -> LocalTime.parse(text);
                case MONTH -> YearMonth.parse(text);
                case YEAR -> text.matches("\\d{4}") ? Year.parse(text) : null;
            };
            return (Comparable<Object>) v;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private enum Kind { DATE_TIME, DATE, TIME, MONTH, YEAR }

    private static Kind kind(List<String> parts) {
        boolean date = parts.contains("date"), time = parts.contains("time");
        if (parts.isEmpty() || (date && time)) return Kind.DATE_TIME;
        if (date) return Kind.DATE; // date wins over month/year, as in Label Studio
        if (time) return Kind.TIME;
        if (parts.contains("month")) return Kind.MONTH;
        return Kind.YEAR;
    }
}
