package dev.seatbooking.conference.orders;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Subscribes {@link RegistrationEventsProjections} (the orders, code uses and waitlists) to
 * registration's events, through the foundation's inbox consumer.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationEventsConsumer {

    /** The inbox's consumer name and the Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "conference-management";

    /**
     * The registration events the owners' lists, code uses, waitlists and the dashboard's orders come from; the consumer skips the
     * others (reservation progress, order updates, seat assignment commands' replies) before decoding them or writing
     * them to the inbox.
     */
    static final Set<String> HANDLED = Stream.<Class<? extends Message>>of(OrderPlaced.class,
                    OrderTotalsCalculated.class, OrderRegistrantAssigned.class, OrderConfirmed.class, OrderExpired.class,
                    OrderCancelled.class,
                    SeatAssignmentsCreated.class, SeatAssigned.class, SeatAssignmentUpdated.class, SeatUnassigned.class,
                    PromotionalCodeUseHeld.class, PromotionalCodeUseReleased.class, PromotionalCodeUseSpent.class,
                    WaitlistJoined.class, WaitlistOfferMade.class, WaitlistLeft.class, WaitlistOfferLapsed.class,
                    WaitlistOfferAccepted.class)
            .map(MessageTypes.contracts()::nameOf).collect(Collectors.toUnmodifiableSet());

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> registrationEventsListener(
            MessageConsumers consumers, RegistrationEventsProjections projections,
            @Value("${conference.consumers.concurrency:1}") int concurrency) {
        // One transaction per poll, and only the events handled below: the topic carries every registration event.
        return consumers.subscribePerPoll(CONSUMER, List.of(Topics.REGISTRATION_EVENTS), concurrency,
                projections::apply, HANDLED::contains, PollSettings.defaults());
    }
}
