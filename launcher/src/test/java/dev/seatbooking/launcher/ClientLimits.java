package dev.seatbooking.launcher;

/**
 * Lifts the per-client limits of the platform started next in this JVM (as system properties, which every service's
 * and the gateway's configuration reads): every test or benchmark client is on this machine, one address.
 */
public final class ClientLimits {

    private static final String MANY = "100000";

    private ClientLimits() {
    }

    /**
     * The gateway's per-client rate limit: GatewayRateLimitTest's to prove, not something for the fuzz and browser
     * tests to wait on.
     */
    static void liftGatewayRateLimit() {
        System.setProperty("gateway.rate-limit.requests-per-second", MANY);
        System.setProperty("gateway.rate-limit.burst", MANY);
    }

    /**
     * The gateway's rate limit and the services' access-code throttles too: a benchmark's clients read orders the
     * read model has not projected yet (a 404 counts as a failed check, as a guess would) and start payments before
     * payments knows the order, thousands a minute from one address.
     */
    public static void liftAll() {
        liftGatewayRateLimit();
        System.setProperty("registration.access-throttle.failures-per-client", MANY);
        System.setProperty("registration.access-throttle.failures-per-order", MANY);
        System.setProperty("seatbooking.payments.access-throttle.failures-per-client", MANY);
        System.setProperty("seatbooking.payments.access-throttle.failures-per-order", MANY);
        System.setProperty("seatbooking.readmodel.access-throttle.client-failures", MANY);
        System.setProperty("seatbooking.readmodel.access-throttle.order-failures", MANY);
    }
}
