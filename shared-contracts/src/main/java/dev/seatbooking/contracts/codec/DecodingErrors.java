package dev.seatbooking.contracts.codec;

import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what was wrong with a payload in the message's own terms ("lines[0].quantity is required"), because the
 * text ends up in dead-letter headers and logs, read by people who never saw the Java classes.
 */
final class DecodingErrors {

    private DecodingErrors() {
    }

    static String describe(JacksonException e) {
        String path = pathOf(e);
        String problem;
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            problem = e.getCause().getMessage(); // a record's own check, which names its field
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Cannot map `null`")) {
            // Jackson's text suggests turning the check off; what happened is that a required number or flag is absent.
            return (path.isEmpty() ? "a value" : path) + " is required";
        } else {
            problem = e.getOriginalMessage();
        }
        return path.isEmpty() ? problem : problem + " (at " + path + ")";
    }

    /** {@code lines[0].unitPrice}: the JSON path, without Java class names. */
    private static String pathOf(JacksonException e) {
        StringJoiner path = new StringJoiner("");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.add((path.length() == 0 ? "" : ".") + reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.add("[" + reference.getIndex() + "]");
            }
        }
        return path.toString();
    }
}
