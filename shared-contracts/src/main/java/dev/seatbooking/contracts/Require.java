package dev.seatbooking.contracts;

import java.util.List;
import java.util.Objects;

/**
 * Checks for the compact constructors of message records. A record that fails them cannot be built, so a message
 * that is decoded at all is well-formed; the messages name the offending field because they end up in dead-letter
 * headers and logs.
 */
public final class Require {

    private Require() {
    }

    public static <T> T nonNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** Non-null and not blank. */
    public static String text(String value, String field) {
        nonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** An immutable copy, so a record never shares a list its creator may still change. */
    public static <T> List<T> list(List<T> values, String field) {
        nonNull(values, field);
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * {@link #list}, but a field added to a message later may be absent from messages stored before: absent (null)
     * reads as empty.
     */
    public static <T> List<T> optionalList(List<T> values, String field) {
        return values == null ? List.of() : list(values, field);
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }
}
