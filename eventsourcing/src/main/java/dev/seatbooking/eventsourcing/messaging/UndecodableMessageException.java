package dev.seatbooking.eventsourcing.messaging;

/**
 * A record that cannot become a message: no message id, an unknown type, a payload that does not parse.
 * Decoding gives the same answer every time, so such a record goes to the dead-letter topic at once.
 */
public class UndecodableMessageException extends RuntimeException {

    public UndecodableMessageException(String message) {
        super(message);
    }

    public UndecodableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
