package dev.seatbooking.launcher;

import java.util.Map;

/**
 * Lifts the per-client limits of the platform started next in this JVM (as system properties, which every service's
 * and the gateway's configuration reads): every test or benchmark client is on this machine, one address.
 */
public final class ClientLimits {

    private static final String MANY = "100000";
    private static final String SEATS_PER_CLIENT = "registration.seats-per-client.seats";
    private static final String GATEWAY_IN_FLIGHT = "gateway.rate-limit.in-flight";

    private ClientLimits() {
    }

    /**
     * The gateway's per-client rate limit and cap on requests in progress: GatewayRateLimitTest's and
     * OneClientHoldsEveryWorkerTest's to prove, not something for the fuzz and browser tests to wait on.
     */
    static void liftGatewayRateLimit() {
        System.setProperty("gateway.rate-limit.requests-per-second", MANY);
        System.setProperty("gateway.rate-limit.burst", MANY);
        System.setProperty(GATEWAY_IN_FLIGHT, MANY);
    }

    /**
     * The seats one client may ask for at a conference: the tests' registrants, hundreds for a conference in a burst,
     * are all on this machine. (Registration's SeatsPerClientApiTest proves the limit.)
     */
    static void liftSeatsPerClient() {
        System.setProperty(SEATS_PER_CLIENT, "0");
    }

    /**
     * The gateway's rate limit and cap on requests in progress, the seats per client and the services' access-code
     * throttles too: a benchmark's clients read orders the read model has not projected yet (a 404 counts as a failed
     * check, as a guess would) and start payments before payments knows the order, thousands a minute from one
     * address, many of them at once.
     */
    public static void liftAll() {
        all().forEach(System::setProperty);
    }

    /** What {@link #liftAll()} sets, e.g. as {@code -D} options of a platform started in a JVM of its own. */
    public static Map<String, String> all() {
        return Map.of("gateway.rate-limit.requests-per-second", MANY, "gateway.rate-limit.burst", MANY,
                GATEWAY_IN_FLIGHT, MANY,
                SEATS_PER_CLIENT, "0",
                "registration.access-throttle.failures-per-client", MANY,
                "registration.access-throttle.failures-per-order", MANY,
                "seatbooking.payments.access-throttle.failures-per-client", MANY,
                "seatbooking.payments.access-throttle.failures-per-order", MANY,
                "seatbooking.readmodel.access-throttle.client-failures", MANY,
                "seatbooking.readmodel.access-throttle.order-failures", MANY);
    }
}
