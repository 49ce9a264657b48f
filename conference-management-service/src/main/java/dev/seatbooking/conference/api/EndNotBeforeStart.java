package dev.seatbooking.conference.api;

import dev.seatbooking.contracts.conference.ConferenceDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A conference ends on or after the day it starts; the violation is reported on {@code endDate}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndNotBeforeStart.Validator.class)
public @interface EndNotBeforeStart {

    String message() default "must not be before startDate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndNotBeforeStart, ConferenceRequest> {
        @Override
        public boolean isValid(ConferenceRequest request, ConstraintValidatorContext context) {
            if (request == null || request.startDate() == null || request.endDate() == null) return true;
            if (ConferenceDates.inOrder(request.startDate(), request.endDate())) return true;
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endDate").addConstraintViolation();
            return false;
        }
    }
}
