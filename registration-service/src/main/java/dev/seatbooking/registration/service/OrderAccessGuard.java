package dev.seatbooking.registration.service;

import dev.seatbooking.registration.RegistrationProperties;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a registrant's access code, throttled ({@link RegistrationProperties.AccessThrottle}): every check of an
 * order's code counts against that order and against the client's address, a lookup by email and code against the
 * client. An unknown order, a missing code and a wrong one are the same failure ({@link AccessDenied}), counted
 * alike, so neither the answer nor the throttle tells whether an order id exists.
 */
@Component
public class OrderAccessGuard {

    private final OrderAccess access;
    private final FailureThrottle<UUID> perOrder;
    private final FailureThrottle<String> perClient;

    public OrderAccessGuard(OrderAccess access, RegistrationProperties properties) {
        this.access = access;
        RegistrationProperties.AccessThrottle limits = properties.accessThrottle();
        InstantSource clock = InstantSource.system();
        this.perOrder = new FailureThrottle<>(limits.failuresPerOrder(), limits.window(), limits.maxOrderLockout(),
                limits.trackedKeys(), clock);
        this.perClient = new FailureThrottle<>(limits.failuresPerClient(), limits.window(), limits.maxClientLockout(),
                limits.trackedKeys(), clock);
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
     * The order whose registrant has this email (any case) and whose access code this is; a miss counts against the
     * client.
     *
     * @throws TooManyAttempts the client is locked out for now
     */
    Optional<UUID> find(String email, String accessCode, String clientAddress) {
        String client = clientKey(clientAddress);
        begin(perClient, client);
        Optional<UUID> found = access.find(email, accessCode);
        if (found.isPresent()) perClient.passed(client);
        else perClient.failed(client);
        return found;
    }

    private boolean check(UUID orderId, String accessCode, String clientAddress) {
        String client = clientKey(clientAddress);
        begin(perOrder, orderId);
        try {
            begin(perClient, client);
        } catch (TooManyAttempts locked) {
            perOrder.passed(orderId); // not tried after all
            throw locked;
        }
        boolean right = access.accessCodeOf(orderId).map(expected -> same(expected, accessCode)).orElse(false);
        if (right) {
            perOrder.passed(orderId);
            perClient.passed(client);
        } else {
            perOrder.failed(orderId);
            perClient.failed(client);
        }
        return right;
    }

    private static <K> void begin(FailureThrottle<K> throttle, K key) {
        Optional<Duration> wait = throttle.begin(key);
        if (wait.isPresent()) throw new TooManyAttempts(wait.get());
    }

    /** In constant time: how long the comparison takes tells nothing about how much of the code was right. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The throttle's key for a client: its address, but for IPv6 only the /64 network, since one subscriber usually
     * gets a whole /64 and could otherwise try from a new address each time.
     */
    static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) return String.valueOf(address);
        return parse(address).map(bytes -> bytes.length == 16
                ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address).orElse(address);
    }

    private static Optional<byte[]> parse(String ipv6Literal) {
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            return Optional.of(InetAddress.getByName(ipv6Literal)).map(InetAddress::getAddress);
        } catch (UnknownHostException | SecurityException notALiteral) {
            return Optional.empty();
        }
    }
}
