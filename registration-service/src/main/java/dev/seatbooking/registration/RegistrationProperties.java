package dev.seatbooking.registration;

import dev.seatbooking.web.throttle.GuessLimits;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
import dev.seatbooking.registration.process.RegistrationProcessManager;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code registration.*}: how this service runs its domain. (The library's settings are
 * {@code seatbooking.eventsourcing.*}; the reservation hold is per conference, from Conference Management.)
 *
 * @param expirationBuffer how long after an order's hold its seats are released if it is not confirmed, so that a
 *                         countdown shown to the registrant never outlives it; unset: the process manager's
 *                         {@link RegistrationProcessManager#DEFAULT_EXPIRATION_BUFFER} (its one home)
 * @param commandAttempts  how often a REST command on an aggregate is decided anew after another writer appended
 *                         first, before the client gets a 409
 * @param messaging        topics and consumers
 * @param accessThrottle   how failed access-code checks are slowed down
 * @param seatsPerClient   how many seats one client address may ask for at one conference in a while
 */
@ConfigurationProperties("registration")
public record RegistrationProperties(
        Duration expirationBuffer,
        @DefaultValue("5") int commandAttempts,
        @DefaultValue Messaging messaging,
        @DefaultValue GuessLimits accessThrottle,
        @DefaultValue SeatLimits seatsPerClient) {

    public RegistrationProperties {
        if (expirationBuffer == null) expirationBuffer = RegistrationProcessManager.DEFAULT_EXPIRATION_BUFFER;
    }

    /**
     * @param topicPrefix     put before every topic name and consumer group (e.g. {@code staging.}); empty in
     *                        production. Lets several deployments (or test contexts) share one Kafka cluster.
     * @param createTopics    declare the service's topics at start-up if they are missing
     * @param partitions      partitions of the topics it declares: the most consumer threads, over all instances,
     *                        that can share a topic's work
     * @param replicationFactor replicas of the topics it declares
     * @param consumers       consumer threads per instance
     * @param transactionPerPoll handle all the records of a poll in one transaction (with their inbox entries),
     *                        rather than one transaction per record
     * @param maxPollRecords  with {@code fetchMaxWait}, {@code fetchMinBytes} and {@code offsetCommitInterval}: how the
     *                        per-poll consumers fetch and commit, see {@link PollSettings}
     */
    public record Messaging(@DefaultValue("") String topicPrefix,
                            @DefaultValue("true") boolean createTopics,
                            @DefaultValue("6") int partitions,
                            @DefaultValue("1") short replicationFactor,
                            @DefaultValue Consumers consumers,
                            @DefaultValue("true") boolean transactionPerPoll,
                            @DefaultValue("100") int maxPollRecords,
                            @DefaultValue("20ms") Duration fetchMaxWait,
                            @DefaultValue("32768") int fetchMinBytes,
                            @DefaultValue("1s") Duration offsetCommitInterval) {

        public PollSettings pollSettings() {
            return new PollSettings(maxPollRecords, fetchMaxWait, fetchMinBytes, offsetCommitInterval);
        }
    }

    /**
     * @param seatsAvailability consumers of SeatsAvailability commands (one conference is always on one of them)
     * @param process           consumers feeding the registration process manager
     * @param conference        consumers of Conference Management's events
     */
    public record Consumers(@DefaultValue("3") int seatsAvailability, @DefaultValue("3") int process,
                            @DefaultValue("1") int conference) {
    }

    /**
     * {@code registration.seats-per-client.*}, see {@code SeatsPerClient}.
     *
     * @param seats          the seats one client address may ask for at once at one conference (orders, seats added,
     *                       waitlist joins); 0: no limit
     * @param refill         how long an emptied allowance takes to fill again (about a hold: the seats one address
     *                       holds at a time stay near {@code seats})
     * @param trackedClients the most (conference, client) pairs remembered
     */
    public record SeatLimits(@DefaultValue("100") int seats, @DefaultValue("15m") Duration refill,
                             @DefaultValue("100000") long trackedClients) {
    }
}
