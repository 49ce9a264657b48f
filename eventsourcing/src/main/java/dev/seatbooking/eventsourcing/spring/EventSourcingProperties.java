package dev.seatbooking.eventsourcing.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * {@code seatbooking.eventsourcing.*}: how a service runs the library. The Kafka address is
 * {@code spring.kafka.bootstrap-servers}, as for any Spring Kafka application.
 *
 * @param relay       publishing the event table to Kafka
 * @param dispatcher  sending outgoing and scheduled messages
 * @param deadLetters retries before a record goes to its {@code .DLT} topic
 * @param snapshotEvery take an aggregate snapshot every this many events (for repositories the service builds)
 */
@ConfigurationProperties("seatbooking.eventsourcing")
public record EventSourcingProperties(
        @DefaultValue Relay relay,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue("100") int snapshotEvery) {

    /** @param topics the topic of each stream type's events, e.g. {@code order: registration.events} */
    public record Relay(@DefaultValue("true") boolean enabled, Map<String, String> topics,
                        @DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollTimeout) {
        public Relay {
            topics = topics == null ? Map.of() : Map.copyOf(topics);
        }
    }

    public record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("100") int batchSize,
                             @DefaultValue("1s") Duration pollTimeout) {
    }

    public record DeadLetters(@DefaultValue("3") int maxRetries, @DefaultValue("200ms") Duration initialInterval,
                              @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
    }
}
