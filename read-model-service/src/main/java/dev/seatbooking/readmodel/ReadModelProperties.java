package dev.seatbooking.readmodel;

import dev.seatbooking.web.throttle.FailureThrottle;
import dev.seatbooking.web.throttle.GuessThrottle;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.InstantSource;

/**
 * {@code seatbooking.readmodel.*}: how the read side runs.
 *
 * @param topics                 the event topics it projects (the contracts' names unless told otherwise)
 * @param consistencyWait        how long a query carrying a consistency token waits for its projection at most
 * @param consistencyRecheck     how long such a query waits for a signal before it looks at the tables again anyway
 *                               (a notification lost while another instance's signals reconnect)
 * @param conferenceCacheMaxAge  how long clients and proxies may cache conference pages ({@code Cache-Control})
 * @param consumer               how projections read Kafka
 * @param rebuild                rebuilding projections
 * @param accessThrottle         how many wrong order access codes are tolerated
 * @param queries                how many queries use the database at once
 */
@ConfigurationProperties("seatbooking.readmodel")
public record ReadModelProperties(
        @DefaultValue Topics topics,
        @DefaultValue("5s") Duration consistencyWait,
        @DefaultValue("1s") Duration consistencyRecheck,
        @DefaultValue("10s") Duration conferenceCacheMaxAge,
        @DefaultValue Consumer consumer,
        @DefaultValue Rebuild rebuild,
        @DefaultValue AccessThrottle accessThrottle,
        @DefaultValue Queries queries) {

    public record Topics(@DefaultValue(dev.seatbooking.contracts.Topics.CONFERENCE_EVENTS) String conferenceEvents,
                         @DefaultValue(dev.seatbooking.contracts.Topics.REGISTRATION_EVENTS) String registrationEvents,
                         @DefaultValue(dev.seatbooking.contracts.Topics.PAYMENTS_EVENTS) String paymentsEvents) {
    }

    /**
     * @param maxPollRecords records per poll, and so at most per projection transaction
     * @param pollTimeout    how long a caught-up projection waits in Kafka for more
     * @param retryInterval  pause after a failure that is no fault of the records (database or broker away)
     * @param sessionTimeout how long the consumer group waits for a silent instance (killed, cut off) before its
     *                       partitions go to the others
     */
    public record Consumer(@DefaultValue("1000") int maxPollRecords, @DefaultValue("500ms") Duration pollTimeout,
                           @DefaultValue("2s") Duration retryInterval, @DefaultValue("10s") Duration sessionTimeout) {
    }

    /**
     * The queries' share of the connection pool ({@code QueryAdmission}); the rest is the projections' (one connection
     * per projection while it applies a batch, and one that listens to the other instances), so keep {@code
     * connections} below {@code spring.datasource.hikari.maximum-pool-size} by at least the projections' count plus one.
     *
     * @param connections queries that use the database at once
     * @param maxWait     how long a query waits for a place before it is refused (503, {@code Retry-After})
     */
    public record Queries(@DefaultValue("5") int connections, @DefaultValue("10s") Duration maxWait) {
    }

    /**
     * @param dropRetiredAfter how long a replaced generation's tables stay, so queries that started on them finish
     * @param checkInterval    how often an instance looks at {@code projection_generations} besides being told of a
     *                         change (another instance's switch or rebuild), and checks the other versions' instances
     */
    public record Rebuild(@DefaultValue("30s") Duration dropRetiredAfter, @DefaultValue("2s") Duration checkInterval) {
    }

    /**
     * Failed access code checks (unknown order, missing or wrong code) tolerated per window before every attempt is
     * answered 429. Codes have 50 random bits, so the limits only need to make guessing hopeless, not impossible;
     * the per-order limit is the looser one because anybody who knows an order id can use it up, delaying the
     * order's registrant for one window.
     *
     * @param clientFailures failed checks per client address and window
     * @param clientWindow   how long a client's count lasts from its first check
     * @param orderFailures  failed checks per order (and per email for find-my-order lookups) and window
     * @param orderWindow    how long an order's count lasts from its first check
     * @param trackedKeys    counts kept in memory at most, per kind (clients, orders)
     */
    public record AccessThrottle(@DefaultValue("20") int clientFailures, @DefaultValue("10m") Duration clientWindow,
                                 @DefaultValue("30") int orderFailures, @DefaultValue("5m") Duration orderWindow,
                                 @DefaultValue("100000") int trackedKeys) {

        /**
         * The shared guess throttle with these limits. Keyed by subject ({@code order:<id>}, {@code email:<email>}).
         * A lock lasts one window and does not grow (the longest lock is the window), as the read model's own
         * throttle did before it used the shared one.
         */
        public GuessThrottle<String> throttle(InstantSource clock) {
            return new GuessThrottle<>(
                    new FailureThrottle<>(orderFailures, orderWindow, orderWindow, trackedKeys, clock),
                    new FailureThrottle<>(clientFailures, clientWindow, clientWindow, trackedKeys, clock),
                    GuessThrottle.GRANT_MEMORY, trackedKeys, clock);
        }
    }
}
