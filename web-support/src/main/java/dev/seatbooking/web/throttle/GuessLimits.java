package dev.seatbooking.web.throttle;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The limits of a {@link GuessThrottle}, bound from a service's {@code ...access-throttle.*} properties. The last
 * failure a window allows locks the resource (or the client) out of every check, right or wrong, for a while (429
 * with Retry-After). A lock always ends: the first lasts one window, each further one twice the one before, up to the
 * longest lock. A resource's locks stay short (whoever floods it keeps its rightful user out only while flooding); a
 * client's may grow.
 *
 * @param failuresPerOrder  failed checks of one resource's secret (from anyone) a window allows
 * @param failuresPerClient failed checks from one client address (over all resources, and lookups) a window allows
 * @param window            how long failures are counted together; the first lock's length
 * @param maxOrderLockout   the longest a resource is locked (the window: locks of a resource do not grow)
 * @param maxClientLockout  the longest a client address is locked
 * @param trackedKeys       the most resources and client addresses remembered (each); the least used are forgotten
 */
public record GuessLimits(@DefaultValue("10") int failuresPerOrder,
                          @DefaultValue("30") int failuresPerClient,
                          @DefaultValue("1m") Duration window,
                          @DefaultValue("1m") Duration maxOrderLockout,
                          @DefaultValue("15m") Duration maxClientLockout,
                          @DefaultValue("100000") int trackedKeys) {

    /** A throttle with these limits, on the system clock. */
    public <K> GuessThrottle<K> throttle() {
        return throttle(InstantSource.system());
    }

    /** A throttle with these limits, on the service's clock (a {@code java.time.Clock} is one), so tests move time. */
    public <K> GuessThrottle<K> throttle(InstantSource clock) {
        return new GuessThrottle<>(
                new FailureThrottle<>(failuresPerOrder, window, maxOrderLockout, trackedKeys, clock),
                new FailureThrottle<>(failuresPerClient, window, maxClientLockout, trackedKeys, clock),
                GuessThrottle.GRANT_MEMORY, trackedKeys, clock);
    }
}
