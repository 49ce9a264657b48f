package dev.seatbooking.conference.api;

import jakarta.validation.ConstraintValidatorContext;

/** What a class-level constraint of a request reports: a message about one of its fields, instead of the default. */
final class FieldViolation {

    private FieldViolation() {
    }

    /** @return false, for the validator to answer */
    static boolean report(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        // the message is text, not a template: nothing in it is interpolated
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
