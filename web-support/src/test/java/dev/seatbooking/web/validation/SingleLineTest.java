package dev.seatbooking.web.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SingleLineTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    record Person(@SingleLine String name, List<@SingleLine String> nicknames) {
    }

    @SingleLine(multiLine = "description")
    record Offer(String title, String description, int quantity) {
    }

    @SingleLine
    private record Hidden(String title) {
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void text_a_person_types_passes() {
        assertThat(SingleLine.Rule.accepts("Ada Lovelace-Byron, O'Hara & Zoë 🎟", false)).isTrue();
        assertThat(SingleLine.Rule.accepts("", false)).isTrue();
        assertThat(validator.validate(new Person(null, List.of("Ada")))).isEmpty();
    }

    @Test
    void every_control_character_and_lone_surrogate_is_refused() {
        for (String text : List.of("Ada\u0000", "Ada\n", "Ada\r", "Ada\t", "\u001b[31m", "Ada\u007f", "Ada\u0085",
                "Ada\u009f", "\ud800", "Ada\udc00", "\udc00\ud800")) {
            assertThat(SingleLine.Rule.accepts(text, false)).as(text).isFalse();
            assertThat(messages(new Person(text, List.of()))).as(text)
                    .isEqualTo(Map.of("name", "must not contain control characters"));
        }
    }

    @Test
    void a_list_element_is_reported_by_its_index() {
        assertThat(messages(new Person("Ada", List.of("ok", "n\u0000o"))))
                .isEqualTo(Map.of("nicknames[1].<list element>", "must not contain control characters"));
    }

    @Test
    void on_a_record_every_text_component_is_checked_and_named() {
        assertThat(validator.validate(new Offer("Pass", "Line one\r\n\tline two", 3))).isEmpty();
        assertThat(messages(new Offer("Pa\nss", "ok", 3))).isEqualTo(Map.of("title", "must not contain control characters"));
        assertThat(messages(new Offer("Pa\u0000ss", "Line\u0000", 3))).isEqualTo(Map.of(
                "title", "must not contain control characters",
                "description", "must not contain control characters other than tabs and line breaks"));
        assertThat(messages(new Offer(null, "\ud800", 3))).containsOnlyKeys("description");
    }

    @Test
    void a_package_private_record_is_read_too() {
        assertThat(messages(new Hidden("a\u0007"))).containsOnlyKeys("title");
    }

    private static <T> Map<String, String> messages(T bean) {
        return validator.validate(bean).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }
}
