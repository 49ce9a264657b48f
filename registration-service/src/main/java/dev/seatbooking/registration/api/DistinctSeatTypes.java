package dev.seatbooking.registration.api;

import dev.seatbooking.registration.api.ApiModel.SeatRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each seat type at most once in a request's seats, its whole quantity on one line: lines of one seat type would be
 * added up, and huge ones used to overflow into a small or empty order. Each repeat is an error on its own
 * {@code seats[i].seatTypeId}.
 */
@Documented
@Constraint(validatedBy = DistinctSeatTypes.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface DistinctSeatTypes {

    String message() default "names a seat type already asked for: give each seat type once, with its whole quantity";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<DistinctSeatTypes, List<SeatRequest>> {
        @Override
        public boolean isValid(List<SeatRequest> seats, ConstraintValidatorContext context) {
            if (seats == null) return true;
            Map<UUID, Integer> firstLine = new HashMap<>();
            boolean valid = true;
            for (int i = 0; i < seats.size(); i++) {
                SeatRequest seat = seats.get(i);
                if (seat == null || seat.seatTypeId() == null) continue;
                Integer first = firstLine.putIfAbsent(seat.seatTypeId(), i);
                if (first == null) continue;
                if (valid) context.disableDefaultConstraintViolation();
                valid = false;
                context.buildConstraintViolationWithTemplate("names the seat type of seats[" + first
                                + "] again: give each seat type once, with its whole quantity")
                        .addPropertyNode("seatTypeId").inIterable().atIndex(i)
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}
