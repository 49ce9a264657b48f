package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a promotional code's text, for the owner who creates it, the registrant who types it and every
 * message that carries it: case-insensitive (kept and compared upper-case), 3 to 32 letters A-Z, digits, {@code -}
 * or {@code _}. Messages carry the normalized text.
 */
public final class PromotionalCodeText {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private PromotionalCodeText() {
    }

    /** The normalized form of what someone typed, or an exception saying what is wrong with it. */
    public static String normalize(String typed) {
        Require.nonNull(typed, "code");
        String upper = typed.toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(upper).matches()) {
            throw new IllegalArgumentException("code must be " + MIN_LENGTH + "-" + MAX_LENGTH
                    + " letters A-Z, digits, '-' or '_'");
        }
        return upper;
    }

    public static boolean isValid(String typed) {
        return typed != null && SHAPE.matcher(typed.toUpperCase(Locale.ROOT)).matches();
    }
}
