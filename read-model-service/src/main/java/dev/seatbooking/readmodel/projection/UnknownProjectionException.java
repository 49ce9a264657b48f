package dev.seatbooking.readmodel.projection;

public final class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String name) {
        super("There is no projection named '" + name + "'");
    }
}
