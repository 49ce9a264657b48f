package dev.seatbooking.conference.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date whose year lies between {@link #min()} and {@link #max()}, both included. java.time reads year 0, years
 * before Christ and years past 9999, none of which a conference has (and other systems, PostgreSQL's own
 * {@code date} output among them, show differently). An instant's year is its year in UTC.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {YearBetween.Validator.class, YearBetween.InstantValidator.class})
public @interface YearBetween {

    int min();

    int max();

    String message() default "must be a date in the years {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<YearBetween, LocalDate> {

        private int min;
        private int max;

        @Override
        public void initialize(YearBetween annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || date.getYear() >= min && date.getYear() <= max;
        }
    }

    class InstantValidator implements ConstraintValidator<YearBetween, Instant> {

        private Instant first;
        private Instant afterLast;

        @Override
        public void initialize(YearBetween annotation) {
            first = LocalDate.of(annotation.min(), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            afterLast = LocalDate.of(annotation.max() + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** Compared as instants: Instant's range is wider than LocalDate's, so no conversion may throw. */
        @Override
        public boolean isValid(Instant instant, ConstraintValidatorContext context) {
            return instant == null || !instant.isBefore(first) && instant.isBefore(afterLast);
        }
    }
}
