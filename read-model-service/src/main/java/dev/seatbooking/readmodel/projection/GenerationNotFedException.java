package dev.seatbooking.readmodel.projection;

/** The generation was retired (another one serves now) or dropped: its runners stop feeding it. */
public final class GenerationNotFedException extends RuntimeException {

    public GenerationNotFedException(Generation generation, String status) {
        super(generation + " is " + status + ": not fed any more");
    }
}
