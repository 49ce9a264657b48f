package dev.seatbooking.contracts;

/** Base of every failure this module reports, so a consumer can catch "a message I cannot handle" in one place. */
public class ContractException extends RuntimeException {

    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
