package dev.seatbooking.readmodel.api;

/** Nothing to show for the key; carries the consistency of the answer, since "not yet" is possible. */
public final class ViewNotFoundException extends RuntimeException {

    private final Consistency consistency;

    public ViewNotFoundException(String what, Object key, Consistency consistency) {
        super("No " + what + " " + key);
        this.consistency = consistency;
    }

    public Consistency consistency() {
        return consistency;
    }
}
