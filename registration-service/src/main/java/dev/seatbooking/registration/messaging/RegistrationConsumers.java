package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.registration.OrderCommand;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import dev.seatbooking.registration.RegistrationProperties;
import dev.seatbooking.registration.conference.ConferenceEventHandler;
import dev.seatbooking.registration.service.OrderService;
import dev.seatbooking.registration.service.RegistrationProcessService;
import dev.seatbooking.registration.service.SeatsAvailabilityService;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Collection;
import java.util.List;

/**
 * The service's Kafka consumers, one consumer group per role. Each is thin: the library decodes the envelope, drops
 * what the role's inbox has seen, and runs the handler in one transaction with the inbox entry.
 * <ul>
 *   <li>{@code registration-conference}: Conference Management's events → the local seat types and prices, and
 *       AddSeats/RemoveSeats for SeatsAvailability;</li>
 *   <li>{@code registration-seats-availability}: SeatsAvailability commands, keyed by conference: a partition's owner
 *       is the single writer of its conferences;</li>
 *   <li>{@code registration-order}: the process's commands to orders;</li>
 *   <li>{@code registration-process}: order and seat events, payments and the process's own expiry → the
 *       registration process manager.</li>
 * </ul>
 */
@Configuration
public class RegistrationConsumers {

    private static final Logger log = LoggerFactory.getLogger(RegistrationConsumers.class);

    private final MessageConsumers consumers;
    private final RegistrationTopics topics;
    private final RegistrationProperties.Consumers concurrency;

    public RegistrationConsumers(MessageConsumers consumers, RegistrationTopics topics, RegistrationProperties properties) {
        this.consumers = consumers;
        this.topics = topics;
        this.concurrency = properties.messaging().consumers();
    }

    /** Runs before any consumer bean is made: the topics exist when the consumers subscribe. */
    @Bean
    KafkaTopicDeclarations kafkaTopicDeclarations(Environment environment, RegistrationProperties properties) {
        return new KafkaTopicDeclarations(environment, topics, properties);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> conferenceEventsConsumer(
            KafkaTopicDeclarations declared, ConferenceEventHandler handler) {
        return consumers.subscribe(topics.consumer("conference"), List.of(topics.conferenceEvents()),
                concurrency.conference(), message -> handler.handle(message.payload()));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> seatsAvailabilityCommandsConsumer(
            KafkaTopicDeclarations declared, SeatsAvailabilityService seatsAvailability) {
        var container = consumers.subscribe(topics.consumer("seats-availability"),
                List.of(topics.seatsAvailabilityCommands()), concurrency.seatsAvailability(), message -> {
                    if (message.payload().payload() instanceof SeatsAvailabilityCommand command) {
                        seatsAvailability.handle(command, message.metadataForConsequences());
                    } else {
                        log.warn("Ignoring {} on the SeatsAvailability commands topic", message.messageType());
                    }
                });
        // Whoever owned a partition before may have written its conferences since this instance cached them.
        container.getContainerProperties().setConsumerRebalanceListener(new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                seatsAvailability.forgetAll();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                seatsAvailability.forgetAll();
            }
        });
        return container;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> orderCommandsConsumer(
            KafkaTopicDeclarations declared, OrderService orders) {
        return consumers.subscribe(topics.consumer("order"), List.of(topics.orderCommands()), concurrency.orders(),
                message -> {
                    if (message.payload().payload() instanceof OrderCommand command) {
                        orders.handle(command, message.metadataForConsequences());
                    } else {
                        log.warn("Ignoring {} on the Order commands topic", message.messageType());
                    }
                });
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> registrationProcessConsumer(
            KafkaTopicDeclarations declared, RegistrationProcessService process) {
        return consumers.subscribe(topics.consumer("process"),
                List.of(topics.registrationEvents(), topics.paymentsEvents(), topics.processCommands()),
                concurrency.process(), message -> process.handle(message.payload()));
    }
}
