package dev.seatbooking.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request bodies are read strictly, so that what a client meant and what the service understood cannot differ
 * silently: an unknown or duplicated property is an error (a misspelt field is never ignored), an integer is a JSON
 * integer (not {@code 1.5}, not {@code "1"}), a text is a JSON string (not a number), a date is an ISO date
 * {@code yyyy-MM-dd} of years 1-9999 (not a day count, not a date-time), a decimal (a JSON number, or a string
 * holding one, as money often travels) has at most
 * {@value #MAX_DECIMAL_DIGITS} digits and a scale within ±{@value #MAX_DECIMAL_SCALE} ({@code 1e999999999} is
 * refused before anything multiplies it), an id is a UUID in its canonical 36-character form (not Jackson's base64
 * form, not padded with spaces), and no text holds a control character other than tab and line breaks
 * (PostgreSQL refuses NUL; the others have no business in a name or an email).
 */
public final class StrictJson {

    static final int MAX_DECIMAL_DIGITS = 40;
    static final int MAX_DECIMAL_SCALE = 20;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StrictJson() {
    }

    public static void configure(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultLeniency(false)
                // "" is no id, no number, no date: absent values are left out or null, never an empty string
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-values")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new IsoDate())
                        .addDeserializer(UUID.class, new CanonicalUuid())
                        .addDeserializer(BigDecimal.class, new Decimal()));
    }

    /** The first character that is not allowed in a text, or -1: C0 controls but tab, CR and LF; DEL; C1 controls. */
    public static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            if (control) return i;
        }
        return -1;
    }

    static final class Text extends StdDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            if (firstControlCharacter(text) >= 0) {
                throw new RejectedValueException(p, String.class, "must not contain control characters");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    static final class IsoDate extends StdDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            String text = p.getString();
            try {
                // four digits of year only: no day counts, no signs, no years 0 or past 9999, no time of day
                if (ISO_DATE.matcher(text).matches()) {
                    LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE); // strict: no 2026-02-30
                    if (date.getYear() < 1) {
                        throw new RejectedValueException(p, LocalDate.class, "must be in the years 0001 to 9999");
                    }
                    return date;
                }
            } catch (DateTimeParseException e) {
                // falls through to the same refusal
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date yyyy-mm-dd");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    static final class CanonicalUuid extends StdDeserializer<UUID> {
        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            String text = p.getString();
            if (!CANONICAL_UUID.matcher(text).matches()) {
                return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a UUID in its canonical form");
            }
            return UUID.fromString(text);
        }
    }

    static final class Decimal extends StdDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value;
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                value = p.getDecimalValue();
            } else if (p.hasToken(JsonToken.VALUE_STRING)) {
                // money often travels as a string to stay exact: a plain decimal, checked like a number
                String text = p.getString();
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException notANumber) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a decimal number");
                }
            } else {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            if (value.precision() > MAX_DECIMAL_DIGITS || Math.abs(value.scale()) > MAX_DECIMAL_SCALE) {
                throw new RejectedValueException(p, BigDecimal.class, "is out of range");
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }
}
