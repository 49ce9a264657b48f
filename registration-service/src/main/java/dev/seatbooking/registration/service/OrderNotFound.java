package dev.seatbooking.registration.service;

import dev.seatbooking.registration.DomainRejection;

/** No order has this email and access code (or the code is another order's). */
public final class OrderNotFound extends DomainRejection {

    public OrderNotFound() {
        super(Kind.UNKNOWN, "not-found", "No order has this email and access code");
    }
}
