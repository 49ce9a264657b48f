package dev.seatbooking.readmodel.api;

import java.util.UUID;

/**
 * The one answer to an order read whose access code did not open it: the order is unknown, or the code is missing or
 * wrong. One type, so that all three get the same 404 (status, problem type, detail, headers), and order ids cannot
 * be probed. It carries nothing about consistency: a stale or reached wait would tell that the order's stream exists.
 */
public final class NoSuchOrderException extends RuntimeException {

    private NoSuchOrderException(String message) {
        super(message, null, false, false);
    }

    public static NoSuchOrderException byId(UUID orderId) {
        return new NoSuchOrderException("No order " + orderId + " with this access code");
    }

    public static NoSuchOrderException byEmail() {
        return new NoSuchOrderException("No order with this email and access code");
    }
}
