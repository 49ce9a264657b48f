package dev.seatbooking.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that the edge refuses (a control character in a text, a date outside years 1-9999, a
 * number beyond any sane precision); {@link #reason()} is said to the client beside the field's path, without echoing
 * the value.
 */
public class RejectedValueException extends MismatchedInputException {

    private final String reason;

    public RejectedValueException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
