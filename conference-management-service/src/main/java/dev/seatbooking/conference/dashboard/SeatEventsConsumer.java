package dev.seatbooking.conference.dashboard;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscribes the dashboard's {@link SeatsProjection} to the SeatsAvailability events, through the foundation's inbox
 * consumer. A consumer (and Kafka group) of its own, not registration's other consumer here: that group's offsets
 * were past every seat event when the dashboard came (V12), so on an existing deployment its seats would have read
 * zero until they changed; a new group reads the topic from its beginning (the events are kept for ever), and the
 * projection skips whatever its stream version says it has applied.
 */
@Configuration(proxyBeanMethods = false)
public class SeatEventsConsumer {

    /** The inbox's consumer name and the Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "conference-management-seats";

    /** Every SeatsAvailability event (the projection's switch is exhaustive over them); the others are skipped. */
    static final Set<String> HANDLED = Arrays.stream(SeatsAvailabilityEvent.class.getPermittedSubclasses())
            .map(type -> MessageTypes.contracts().nameOf(type.asSubclass(Message.class)))
            .collect(Collectors.toUnmodifiableSet());

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> seatEventsListener(
            MessageConsumers consumers, SeatsProjection seats,
            @Value("${conference.consumers.concurrency:1}") int concurrency) {
        return consumers.subscribePerPoll(CONSUMER, List.of(Topics.REGISTRATION_EVENTS), concurrency, message -> {
            if (message.payload().payload() instanceof SeatsAvailabilityEvent event) {
                seats.handle(message.payload(), event);
            }
        }, HANDLED::contains, PollSettings.defaults());
    }
}
