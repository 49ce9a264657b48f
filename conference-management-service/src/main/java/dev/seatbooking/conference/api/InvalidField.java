package dev.seatbooking.conference.api;

import java.util.UUID;

/** A request field that is wrong in a way annotations cannot say (e.g. a body id that contradicts the path). */
class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** A body may leave out the id of what it replaces, but not name another one than its path. */
    static void requireSameId(UUID inBody, UUID inPath) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw new InvalidField("id", "must be absent or equal to the id in the path");
        }
    }
}
