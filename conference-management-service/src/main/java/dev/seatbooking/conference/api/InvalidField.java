package dev.seatbooking.conference.api;

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
}
