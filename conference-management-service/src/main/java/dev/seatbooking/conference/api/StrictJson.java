package dev.seatbooking.conference.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API reads its request bodies strictly: a value of the wrong JSON type is an error, not something converted.
 * This mapper reads only HTTP bodies (events have their own codec), so it can be strict without making a future
 * field of another context's event unreadable. Together with {@code spring.jackson.deserialization.*} in
 * application.yml (unknown fields and fractions where integers are meant are errors):
 * <ul>
 *     <li>a date is a string {@code yyyy-mm-dd} and nothing else: not a number of days since 1970, not a
 *     date-time, not an array, not a signed or five-digit year ({@link IsoDateDeserializer});</li>
 *     <li>a whole number is a JSON number, not {@code "5"}, {@code true} or {@code ""};</li>
 *     <li>text is a JSON string, not a number or a boolean;</li>
 *     <li>an id is a UUID, never {@code ""} (which Jackson reads as "no id" by default).</li>
 * </ul>
 * The ranges (dates, numbers) are the request models' validation annotations.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .addModule(new SimpleModule("strict-request-bodies")
                        .addDeserializer(LocalDate.class, new IsoDateDeserializer()))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(UUID.class, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** Reads exactly {@code yyyy-mm-dd} (four-digit year, a real day of a real month). */
    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            if (ISO_DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text); // ISO_LOCAL_DATE resolves strictly: no 2026-02-30
                } catch (DateTimeParseException e) {
                    // reported below, like any other string that is not a date
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date as yyyy-mm-dd");
        }
    }
}
