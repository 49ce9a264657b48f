package dev.seatbooking.conference.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * On a request record: none of its text fields holds a control character (U+0000–U+001F, U+007F–U+009F), except
 * tab and line breaks in the fields named {@link #multiLine()}. PostgreSQL refuses NUL in text (which made a 500 of
 * it), and no name, email or slug has a use for the others. Each offending field is reported by name.
 * <p>
 * On the type rather than on each field, so that a text field added later is covered without anyone remembering.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoControlCharacters.Validator.class)
public @interface NoControlCharacters {

    /** Text fields that may hold tabs and line breaks (a description). */
    String[] multiLine() default {};

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoControlCharacters, Record> {

        private Set<String> multiLine;

        @Override
        public void initialize(NoControlCharacters annotation) {
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
                if (text == null || text.chars().noneMatch(c -> isRefused(c, lineBreaksAllowed))) continue;
                valid = false;
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(lineBreaksAllowed
                                ? "must not contain control characters other than tabs and line breaks"
                                : context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(component.getName()).addConstraintViolation();
            }
            return valid;
        }

        static boolean isRefused(int c, boolean lineBreaksAllowed) {
            if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) return false;
            return Character.isISOControl(c);
        }

        private static Object value(RecordComponent component, Record request) {
            try {
                return component.getAccessor().invoke(request);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
    }
}
