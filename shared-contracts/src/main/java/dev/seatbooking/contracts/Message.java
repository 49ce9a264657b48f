package dev.seatbooking.contracts;

/**
 * A command or event that crosses a service boundary.
 *
 * <p>Deliberately not sealed: each context groups its messages under its own sealed interface (which extends
 * this one), and a service may add messages of its own without touching this module. Every concrete message
 * is a record annotated with {@link MessageType}.
 */
public interface Message {
}
