package dev.seatbooking.contracts;

/** A type name (or class) that the registry does not know: usually a producer newer than this consumer. */
public class UnknownMessageTypeException extends ContractException {

    private final String type;

    public UnknownMessageTypeException(String type) {
        super("Unknown message type '" + type + "': it is not registered in this service's MessageTypes");
        this.type = type;
    }

    /** The type name (or class name) that was asked for. */
    public String type() {
        return type;
    }
}
