package dev.seatbooking.registration.service;

import java.util.UUID;

/**
 * An order-specific request without the order's access code, or with another one. Not a domain rejection: the
 * order did not refuse anything, the caller may not ask.
 */
public final class AccessDenied extends RuntimeException {

    public AccessDenied(UUID orderId) {
        super("The access code given is not the one of order " + orderId, null, false, false);
    }
}
