package dev.seatbooking.readmodel.projection;

/** No generation of the projection with the current schema serves yet: it is being built. */
public final class ProjectionNotReadyException extends RuntimeException {

    private final String projection;

    public ProjectionNotReadyException(String projection) {
        super("The " + projection + " read model is being built and cannot answer yet");
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
