package dev.seatbooking.registration.service;

import dev.seatbooking.registration.RegistrationProperties;
import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.web.throttle.TooManyAttempts;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.UUID;

/**
 * Checks a registrant's access code, throttled ({@code registration.access-throttle.*}, {@link GuessThrottle}):
 * every check of an order's code counts against that order and against the client's address, a lookup by email and
 * code against the client. An unknown order, a missing code and a wrong one are the same failure
 * ({@link AccessDenied}), counted alike, so neither the answer nor the throttle tells whether an order id exists.
 */
@Component
public class OrderAccessGuard {

    private final OrderAccess access;
    private final GuessThrottle<UUID> throttle;

    public OrderAccessGuard(OrderAccess access, RegistrationProperties properties, Clock clock) {
        this.access = access;
        this.throttle = properties.accessThrottle().throttle(clock);
    }

    /**
     * @param clientAddress the request's remote address
     * @throws AccessDenied    no such order, or not this code
     * @throws TooManyAttempts the order or the client is locked out for now (whatever the code)
     */
    public OrderAccessGrant verify(UUID orderId, String accessCode, String clientAddress) {
        if (!check(orderId, accessCode, clientAddress)) throw new AccessDenied();
        return new OrderAccessGrant(orderId);
    }

    /**
     * Whether a repeated place request showed the order's code (then it may have its answer again). Without a code
     * nothing is checked; a wrong one counts as for any other request.
     *
     * @throws TooManyAttempts the order or the client is locked out for now
     */
    boolean holdsCode(UUID orderId, String accessCode, String clientAddress) {
        return accessCode != null && check(orderId, accessCode, clientAddress);
    }

    /**
     * Access to the order whose registrant has this email (any case) and whose access code this is (the record
     * locator); a miss counts against the client.
     *
     * @throws OrderNotFound   no order has this email and code
     * @throws TooManyAttempts the client is locked out for now
     */
    public OrderAccessGrant lookUp(String email, String accessCode, String clientAddress) {
        return new OrderAccessGrant(throttle.find(clientAddress, () -> access.find(email, accessCode))
                .orElseThrow(OrderNotFound::new));
    }

    private boolean check(UUID orderId, String accessCode, String clientAddress) {
        return throttle.check(orderId, clientAddress,
                () -> access.accessCodeOf(orderId).map(expected -> same(expected, accessCode)).orElse(false));
    }

    /** In constant time: how long the comparison takes tells nothing about how much of the code was right. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
