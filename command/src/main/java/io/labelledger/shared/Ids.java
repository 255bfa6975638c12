package io.labelledger.shared;

import java.util.UUID;

/** Checks for the string form of typed ids, used by every id record's compact constructor. */
public final class Ids {
    private Ids() {}

    public static String require(String value, String kind) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(kind + " id must not be blank");
        if (value.length() > 64) throw new IllegalArgumentException(kind + " id is too long");
        return value;
    }

    /** True when the text is a UUID; ids made by this system always are, input from clients may not be. */
    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) return false;
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
