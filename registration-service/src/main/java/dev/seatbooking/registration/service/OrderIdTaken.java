package dev.seatbooking.registration.service;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/**
 * A place-order request whose client-chosen id is already an order, placed with other seats or for another
 * conference. (The same request again is answered as the first time; changing the seats is an update.)
 */
public final class OrderIdTaken extends DomainRejection {

    public OrderIdTaken(UUID orderId) {
        super(Kind.STATE_CONFLICT, "order-already-placed",
                "Order " + orderId + " was already placed with other seats or for another conference");
    }
}
