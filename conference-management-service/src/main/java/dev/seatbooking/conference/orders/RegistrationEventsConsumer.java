package dev.seatbooking.conference.orders;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;

/**
 * Subscribes {@link OrderProjection} and {@link CodeUsesProjection} to registration's events, through the
 * foundation's inbox consumer.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationEventsConsumer {

    /** The inbox's consumer name and the Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "conference-management";

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> registrationEventsListener(
            MessageConsumers consumers, OrderProjection orders, CodeUsesProjection codeUses,
            @Value("${conference.consumers.concurrency:1}") int concurrency) {
        return consumers.subscribe(CONSUMER, List.of(Topics.REGISTRATION_EVENTS), concurrency, message -> {
            Envelope envelope = message.payload();
            if (envelope.payload() instanceof PromotionalCodeUsesEvent uses) codeUses.handle(envelope, uses);
            else orders.handle(message);
        });
    }
}
