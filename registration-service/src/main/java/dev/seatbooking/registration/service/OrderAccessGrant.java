package dev.seatbooking.registration.service;

import java.util.UUID;

/**
 * Proof that a request showed the access code of this order: what the registrant's order-specific commands and reads
 * take, so none of them can run without the check. Only {@link OrderAccessGuard} makes one.
 */
public final class OrderAccessGrant {

    private final UUID orderId;

    OrderAccessGrant(UUID orderId) {
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
