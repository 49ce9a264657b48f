package dev.seatbooking.readmodel.rebuild;

public final class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException(String projection, int generation) {
        super("The " + projection + " projection is already being rebuilt (generation " + generation + ")");
    }
}
