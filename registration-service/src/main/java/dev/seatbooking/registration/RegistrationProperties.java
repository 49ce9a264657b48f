package dev.seatbooking.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code registration.*}: how this service runs its domain. (The library's settings are
 * {@code seatbooking.eventsourcing.*}; the reservation hold is per conference, from Conference Management.)
 *
 * @param expirationBuffer how long after an order's hold its seats are released if it is not confirmed (the book's
 *                         last setting: 14 minutes), so that a countdown shown to the registrant never outlives it
 * @param commandAttempts  how often a REST command on an aggregate is decided anew after another writer appended
 *                         first, before the client gets a 409
 * @param messaging        topics and consumers
 */
@ConfigurationProperties("registration")
public record RegistrationProperties(
        @DefaultValue("14m") Duration expirationBuffer,
        @DefaultValue("5") int commandAttempts,
        @DefaultValue Messaging messaging) {

    /**
     * @param topicPrefix     put before every topic name and consumer group (e.g. {@code staging.}); empty in
     *                        production. Lets several deployments (or test contexts) share one Kafka cluster.
     * @param createTopics    declare the service's topics at start-up if they are missing
     * @param partitions      partitions of the topics it declares: the most consumer threads, over all instances,
     *                        that can share a topic's work
     * @param replicationFactor replicas of the topics it declares
     * @param consumers       consumer threads per instance
     */
    public record Messaging(@DefaultValue("") String topicPrefix,
                            @DefaultValue("true") boolean createTopics,
                            @DefaultValue("6") int partitions,
                            @DefaultValue("1") short replicationFactor,
                            @DefaultValue Consumers consumers) {
    }

    /**
     * @param seatsAvailability consumers of SeatsAvailability commands (one conference is always on one of them)
     * @param orders            consumers of Order commands
     * @param process           consumers feeding the registration process manager
     * @param conference        consumers of Conference Management's events
     */
    public record Consumers(@DefaultValue("3") int seatsAvailability, @DefaultValue("3") int orders,
                            @DefaultValue("3") int process, @DefaultValue("1") int conference) {
    }
}
