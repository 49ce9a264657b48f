package dev.seatbooking.payments.api;

import java.util.List;

/** A request whose fields are well-formed JSON but not valid values; answered 400 with the field list. */
final class InvalidRequestException extends RuntimeException {

    record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> errors;

    InvalidRequestException(List<FieldProblem> errors) {
        super("Invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<FieldProblem> errors() {
        return errors;
    }
}
