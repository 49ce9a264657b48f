package dev.seatbooking.notifications.messaging;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.contracts.registration.WaitlistContactEvent.WaitlistContactGiven;
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
 * Subscribes the {@link Notifier} to the conference, registration and payments events through the foundation's
 * inbox consumer, one transaction per poll; the events no mail needs (most of registration's topic) are skipped by
 * their type before being decoded. Offsets are committed after the transaction, so a stopped service catches up
 * where it stopped.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsConsumer {

    /** The inbox's consumer name and the Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "notifications";

    static final Set<String> HANDLED = Stream.<Class<? extends Message>>of(OrderPlaced.class,
                    OrderTotalsCalculated.class, OrderRegistrantAssigned.class, OrderConfirmed.class, OrderExpired.class,
                    OrderCancelled.class, WaitlistContactGiven.class, WaitlistOfferMade.class, WaitlistOfferLapsed.class,
                    SeatAssigned.class, SeatAssignmentUpdated.class, SeatUnassigned.class, PaymentCompleted.class,
                    RefundRequested.class, RefundCompleted.class, RefundFailed.class, ConferenceCreated.class,
                    ConferenceUpdated.class, SeatCreated.class, SeatUpdated.class)
            .map(MessageTypes.contracts()::nameOf).collect(Collectors.toUnmodifiableSet());

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> notificationsListener(
            MessageConsumers consumers, Notifier notifier,
            @Value("${notifications.consumers.concurrency:1}") int concurrency) {
        return consumers.subscribePerPoll(CONSUMER,
                List.of(Topics.CONFERENCE_EVENTS, Topics.REGISTRATION_EVENTS, Topics.PAYMENTS_EVENTS), concurrency,
                message -> notifier.handle(message.payload()), HANDLED::contains, PollSettings.defaults());
    }
}
