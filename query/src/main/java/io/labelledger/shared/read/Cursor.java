package io.labelledger.shared.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursor: the sort value and the tie-breaker of the last row seen. */
public record Cursor(String value, long tieBreaker) {
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((value + "|" + tieBreaker).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for null; an unreadable cursor is a client error. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = s.lastIndexOf('|');
            return new Cursor(s.substring(0, bar), Long.parseLong(s.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid cursor");
        }
    }
}
