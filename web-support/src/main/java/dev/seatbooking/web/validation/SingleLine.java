package dev.seatbooking.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * The platform's one rule for text a person types into a request: no control character (U+0000–U+001F,
 * U+007F–U+009F) and no lone surrogate half (not text at all). PostgreSQL refuses NUL in text and jsonb (a 500
 * otherwise), and no name, email, code or description has a use for the others. Null is left to {@code @NotBlank}.
 * <p>
 * On a text field, that field is checked. On a request record, every text component is, so that a field added
 * later is covered without anyone remembering; the components named in {@link #multiLine()} may also hold tabs and
 * line breaks (a description). Each offending field is reported by name.
 */
@Documented
@Constraint(validatedBy = {SingleLine.TextValidator.class, SingleLine.RecordValidator.class})
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    /** On a record: its text components that may hold tabs and line breaks. */
    String[] multiLine() default {};

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    final class Rule {

        private Rule() {
        }

        /** True if {@code text} is acceptable (tabs and line breaks only if {@code lineBreaksAllowed}). */
        public static boolean accepts(String text, boolean lineBreaksAllowed) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a whole supplementary character, e.g. an emoji
                } else if (Character.isSurrogate(c)) {
                    return false;
                } else if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                    return false;
                }
            }
            return true;
        }
    }

    final class TextValidator implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Rule.accepts(value, false);
        }
    }

    final class RecordValidator implements ConstraintValidator<SingleLine, Record> {

        private Set<String> multiLine;

        @Override
        public void initialize(SingleLine annotation) {
            multiLine = Set.of(annotation.multiLine());
        }

        @Override
        public boolean isValid(Record request, ConstraintValidatorContext context) {
            if (request == null) return true;
            boolean valid = true;
            for (RecordComponent component : request.getClass().getRecordComponents()) {
                if (component.getType() != String.class) continue;
                boolean lineBreaksAllowed = multiLine.contains(component.getName());
                String text = (String) value(component, request);
                if (text == null || Rule.accepts(text, lineBreaksAllowed)) continue;
                valid = false;
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(lineBreaksAllowed
                                ? "must not contain control characters other than tabs and line breaks"
                                : context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(component.getName()).addConstraintViolation();
            }
            return valid;
        }

        private static Object value(RecordComponent component, Record request) {
            try {
                var accessor = component.getAccessor();
                accessor.trySetAccessible(); // a package-private record's accessor, read from this package
                return accessor.invoke(request);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
    }
}
