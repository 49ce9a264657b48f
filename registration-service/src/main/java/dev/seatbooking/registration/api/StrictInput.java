package dev.seatbooking.registration.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids and numbers read one way only. Jackson and Spring are lenient by default: {@code 1.5} becomes the int 1,
 * {@code "2"} the int 2, {@code ""} a null UUID, and a path's {@code 0x0}, {@code +0}, {@code " 0"} or {@code ١} the
 * int 0 or 1, {@code " <uuid>"} a UUID. Here a number is a plain decimal integer within int's range and an id a UUID
 * in its canonical 36-character form; anything else is a malformed request naming the field.
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

    /** A JSON integer within int's range: no fraction ({@code 1.5}, {@code 1.0}, {@code 1e0}), no string, no boolean. */
    static final class WholeNumber extends ValueDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext context) {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            throw MismatchedInputException.from(p, Integer.class, "must be a whole number within int's range");
        }
    }

    /** A JSON string holding a canonical UUID: not empty, not blank, not padded. */
    static final class CanonicalUuid extends ValueDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser p, DeserializationContext context) {
            if (p.currentToken() == JsonToken.VALUE_STRING && CANONICAL_UUID.matcher(p.getString()).matches()) {
                return UUID.fromString(p.getString());
            }
            throw MismatchedInputException.from(p, UUID.class, "must be a UUID");
        }
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
