package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
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
 * Subscribes {@link PaymentEventsProjections} to payments' refund events and completed payments, through the
 * foundation's inbox consumer. A consumer (and Kafka group) of its own rather than a second topic of registration's:
 * its own lag, and a new group starts from the topic's beginning, so refunds requested before this service consumed
 * them are listed too. (Completed payments are decoded since V13, released with this group: none was passed over.)
 */
@Configuration(proxyBeanMethods = false)
public class PaymentEventsConsumer {

    /** The inbox's consumer name and the Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "conference-management-refunds";

    /** The refund events and completed payments; initiated and rejected payments are skipped before being decoded. */
    static final Set<String> HANDLED = Stream.<Class<? extends Message>>of(RefundRequested.class,
                    RefundCompleted.class, RefundFailed.class, PaymentCompleted.class)
            .map(MessageTypes.contracts()::nameOf).collect(Collectors.toUnmodifiableSet());

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> paymentEventsListener(
            MessageConsumers consumers, PaymentEventsProjections projections,
            @Value("${conference.consumers.concurrency:1}") int concurrency) {
        return consumers.subscribePerPoll(CONSUMER, List.of(Topics.PAYMENTS_EVENTS), concurrency,
                message -> projections.apply(message.payload()), HANDLED::contains, PollSettings.defaults());
    }
}
