package dev.seatbooking.payments.api;

/**
 * The rule for free text in requests: no control characters (NUL is refused by PostgreSQL's text and jsonb, and the
 * others have no place in a description shown to a payer) and no lone surrogate halves (not text at all).
 */
final class PlainText {

    static final String PATTERN = "[^\\p{Cc}\\p{Cs}]*";
    static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }
}
