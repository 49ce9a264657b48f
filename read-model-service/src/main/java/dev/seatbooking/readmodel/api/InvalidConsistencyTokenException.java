package dev.seatbooking.readmodel.api;

public final class InvalidConsistencyTokenException extends RuntimeException {

    public InvalidConsistencyTokenException(String message) {
        super(message);
    }
}
