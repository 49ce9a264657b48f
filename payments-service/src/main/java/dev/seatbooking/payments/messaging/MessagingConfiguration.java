package dev.seatbooking.payments.messaging;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import dev.seatbooking.payments.PaymentsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> registrationEventsListener(
            MessageConsumers consumers, RegistrationEventsConsumer consumer, PaymentsProperties properties) {
        // One transaction per poll, and only the events payments acts on: the topic carries every registration event.
        return consumers.subscribePerPoll(RegistrationEventsConsumer.CONSUMER, List.of(Topics.REGISTRATION_EVENTS),
                properties.consumers().concurrency(), consumer::handle, RegistrationEventsConsumer.HANDLED::contains,
                PollSettings.defaults());
    }
}
