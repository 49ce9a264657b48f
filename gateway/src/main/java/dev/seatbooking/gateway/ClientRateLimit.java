package dev.seatbooking.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Requests to the API per client address: a Bucket4j token bucket per address ({@code burst} at once, refilled at
 * {@code requestsPerSecond}), kept in memory. Past it: 429 {@code too-many-requests} with {@code Retry-After}.
 * The address is the one the gateway's socket sees (an IPv6 one by its /64 prefix): the gateway is the edge, a
 * client-sent {@code X-Forwarded-For} is not believed. Spring Cloud Gateway's own {@code Bucket4jFilterFunctions.rateLimit} answers a bare 429 without
 * {@code Retry-After} or a problem body, so the bucket is asked here directly.
 * <p>
 * A bucket left alone for as long as it takes to refill completely is as good as a new one, so it is forgotten then;
 * at most {@value #MAX_CLIENTS} addresses are remembered (the least recently seen go first).
 */
final class ClientRateLimit implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    static final long MAX_CLIENTS = 100_000;

    private final GatewayProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(GatewayProperties.RateLimit limit) {
        this.limit = limit;
        long secondsToRefill = Math.ceilDiv(limit.burst(), limit.requestsPerSecond());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofSeconds(secondsToRefill + 1))
                .build();
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        String client = clientKey(request.servletRequest().getRemoteAddr());
        ConsumptionProbe probe = buckets.get(client, address -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return next.handle(request);
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        return GatewayResponses.tooManyRequests("Too many requests from this address; try again in " + retryAfter + " s",
                retryAfter);
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 prefix, because one subscriber usually holds a whole /64
     * and could otherwise send from a new address for every request.
     */
    static String clientKey(String address) {
        if (address.indexOf(':') < 0) return address;
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) return address;
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
