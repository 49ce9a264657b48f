package dev.seatbooking.registration.api;


import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids and numbers read one way only. Jackson and Spring are lenient by default: {@code 1.5} becomes the int 1,
 * {@code "2"} the int 2, {@code ""} a null UUID, and a path's {@code 0x0}, {@code +0}, {@code " 0"} or {@code ١} the
 * int 0 or 1, {@code " <uuid>"} a UUID. Here a number is a plain decimal integer within int's range and an id a UUID
 * in its canonical 36-character form; anything else is a malformed request naming the field. This class holds the
 * path's readers; request bodies are read so by the shared {@code StrictJson} of web-support.
 */
final class StrictInput {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL_INT = Pattern.compile("0|-?[1-9][0-9]{0,9}");

    private StrictInput() {
    }

    static UUID uuid(String text) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID in its canonical form");
        }
        return UUID.fromString(text);
    }

    static int decimalInt(String text) {
        if (text == null || !DECIMAL_INT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a plain decimal integer");
        }
        return Integer.parseInt(text); // beyond int's range: NumberFormatException, an IllegalArgumentException
    }



    /** For path variables: a canonical UUID. */
    static final class UuidEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(uuid(text));
        }
    }

    /** For path variables: a plain decimal int (range checks are the parameter's constraints). */
    static final class DecimalIntEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(decimalInt(text));
        }
    }
}
