package dev.seatbooking.web.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Slows down guessing a resource's secret (an order's access code): every check counts against the resource and
 * against the client's address ({@link FailureThrottle} each), so neither one client trying many orders nor many
 * clients trying one order gets far. A check that is held back is not made ({@link TooManyAttempts}), so the answer
 * is the same for a right and a wrong secret. Unknown resources count like known ones: the throttle tells nothing
 * about which ids exist.
 * <p>
 * A client that gave a resource's secret right lately is not held to the client's limit for that resource: registrants
 * behind one address (a venue's Wi-Fi, an office's proxy, a /64) share that limit, and one of them failing on purpose
 * would otherwise lock every other out of the orders they opened a minute before. Those checks still count against
 * the resource; they neither use nor lock the client's allowance. (Owners have the same exemption, ADR 5.)
 *
 * @param <K> what identifies a resource
 */
public final class GuessThrottle<K> {

    /** How long a right secret exempts its client from the client's limit for that resource, by default. */
    public static final Duration GRANT_MEMORY = Duration.ofHours(12);

    private record Grant<K>(K resource, String client) {
    }

    private final FailureThrottle<K> perResource;
    private final FailureThrottle<String> perClient;
    private final Cache<Grant<K>, Boolean> granted;

    public GuessThrottle(FailureThrottle<K> perResource, FailureThrottle<String> perClient) {
        this(perResource, perClient, GRANT_MEMORY, 100_000, InstantSource.system());
    }

    /**
     * @param grantMemory how long a right secret exempts (resource, client) from the client's limit
     * @param trackedKeys the most such pairs remembered (the least used are forgotten)
     */
    public GuessThrottle(FailureThrottle<K> perResource, FailureThrottle<String> perClient, Duration grantMemory,
                         int trackedKeys, InstantSource clock) {
        this.perResource = perResource;
        this.perClient = perClient;
        this.granted = Caffeine.newBuilder()
                .ticker(() -> FailureThrottle.epochNanos(clock.instant())) // the throttles' clock
                .maximumSize(trackedKeys)
                .expireAfterWrite(grantMemory)
                .build();
    }

    /**
     * Whether {@code check} found the secret right, counted against the resource and the client.
     *
     * @throws TooManyAttempts the resource or the client is held back for now (nothing was checked)
     */
    public boolean check(K resource, String clientAddress, BooleanSupplier check) {
        String client = clientKey(clientAddress);
        Grant<K> grant = new Grant<>(resource, client);
        boolean countsForClient = granted.getIfPresent(grant) == null;
        begin(perResource, resource);
        if (countsForClient) {
            try {
                begin(perClient, client);
            } catch (TooManyAttempts held) {
                perResource.passed(resource); // not tried after all
                throw held;
            }
        }
        boolean right;
        try {
            right = check.getAsBoolean();
        } catch (RuntimeException failedToCheck) {
            perResource.passed(resource);
            if (countsForClient) perClient.passed(client);
            throw failedToCheck;
        }
        if (right) {
            perResource.passed(resource);
            if (countsForClient) perClient.passed(client);
            granted.put(grant, Boolean.TRUE);
        } else {
            perResource.failed(resource);
            if (countsForClient) perClient.failed(client);
        }
        return right;
    }

    /**
     * A lookup by secret (find my order by email and code): a miss counts against the client.
     *
     * @throws TooManyAttempts the client is held back for now
     */
    public <T> Optional<T> find(String clientAddress, Supplier<Optional<T>> lookup) {
        String client = clientKey(clientAddress);
        begin(perClient, client);
        Optional<T> found;
        try {
            found = lookup.get();
        } catch (RuntimeException failedToLook) {
            perClient.passed(client);
            throw failedToLook;
        }
        if (found.isPresent()) perClient.passed(client);
        else perClient.failed(client);
        return found;
    }

    private static <K> void begin(FailureThrottle<K> throttle, K key) {
        Optional<Duration> wait = throttle.begin(key);
        if (wait.isPresent()) throw new TooManyAttempts(wait.get());
    }

    /**
     * The throttle's key for a client: its address, but for IPv6 only the /64 network, since one subscriber usually
     * gets a whole /64 and could otherwise try from a new address each time.
     */
    public static String clientKey(String address) {
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
