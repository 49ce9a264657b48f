package dev.seatbooking.registration.service;

/**
 * An order-specific request for an order that does not exist, without its access code, or with another one: one
 * refusal for all three, so that order ids cannot be probed. Not a domain rejection: the order did not refuse
 * anything, the caller may not ask.
 */
public final class AccessDenied extends RuntimeException {

    public AccessDenied() {
        super("No order with this id and access code", null, false, false);
    }
}
