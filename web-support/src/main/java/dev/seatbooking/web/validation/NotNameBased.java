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
import java.util.UUID;

/**
 * An id the client chooses for a new stream (an order, a payment, a waitlist entry) must not be a name-based UUID
 * (version 3 or 5). The services derive the ids of the streams that go with a resource from its id with
 * {@link UUID#nameUUIDFromBytes} (an order's seat assignments, a conference's promotional code uses, a payment's
 * refund, an order's waitlist entries), which are version 3; every aggregate of a service shares one stream-id space.
 * A client that could choose such an id could take, ahead of its owner, the stream another resource will need, and
 * ids are no secret (ADR 9). Clients make random ids (version 4). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = NotNameBased.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotNameBased {

    String message() default "must be a random UUID, not a name-based one (version 3 or 5)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NotNameBased, UUID> {
        @Override
        public boolean isValid(UUID value, ConstraintValidatorContext context) {
            return value == null || (value.version() != 3 && value.version() != 5);
        }
    }
}
