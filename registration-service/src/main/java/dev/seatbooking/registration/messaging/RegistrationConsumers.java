package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.eventsourcing.messaging.IncomingMessageHandler;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
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
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service's Kafka consumers, one consumer group per role. Each is thin: it decodes the envelope, drops what the
 * role's inbox has seen, and runs the handler in the transaction that records the inbox entry. By default one
 * transaction covers a whole poll ({@link MessageConsumers#subscribePerPoll}): on a hot partition that is one commit
 * per poll instead of one per message; {@code registration.messaging.transaction-per-poll=false} uses the library's
 * per-record {@link MessageConsumers#subscribe} instead.
 * <ul>
 *   <li>{@code registration-conference}: Conference Management's events → the local seat types and prices, and
 *       AddSeats/RemoveSeats for SeatsAvailability;</li>
 *   <li>{@code registration-seats-availability}: SeatsAvailability commands, keyed by conference: a partition's owner
 *       is the single writer of its conferences;</li>
 *   <li>{@code registration-process}: payments and the process's own expiry → the registration process manager
 *       (the events of this context reach it in-process, see {@link RegistrationProcessService}).</li>
 * </ul>
 */
@Configuration
public class RegistrationConsumers {

    private static final Logger log = LoggerFactory.getLogger(RegistrationConsumers.class);

    /**
     * Subscribes a handler with the library's consumers: one transaction per poll or per record. Messages of types the
     * handler does not want are skipped undecoded by the per-poll consumers; the per-record consumers record them in
     * the inbox and hand them over, and the handler ignores them.
     */
    @FunctionalInterface
    interface Subscriptions {
        ConcurrentMessageListenerContainer<String, byte[]> subscribe(String consumer, Collection<String> topics,
                                                                     int concurrency,
                                                                     IncomingMessageHandler<Envelope> handler,
                                                                     Predicate<String> handles);
    }

    /** What the registration process takes from Kafka; the other payment events are not its concern. */
    static final Set<String> PROCESS_MESSAGES = Stream.<Class<? extends Message>>of(PaymentCompleted.class,
                    PaymentRejected.class, ExpireRegistrationProcess.class, CancelOrder.class)
            .map(MessageTypes.contracts()::nameOf).collect(Collectors.toUnmodifiableSet());

    private final Subscriptions consumers;
    private final RegistrationTopics topics;
    private final RegistrationProperties.Consumers concurrency;

    public RegistrationConsumers(MessageConsumers messageConsumers, RegistrationTopics topics,
                                 RegistrationProperties properties) {
        RegistrationProperties.Messaging messaging = properties.messaging();
        if (messaging.transactionPerPoll()) {
            PollSettings poll = messaging.pollSettings();
            this.consumers = (consumer, topicNames, threads, handler, handles) ->
                    messageConsumers.subscribePerPoll(consumer, topicNames, threads, handler, handles, poll);
        } else {
            this.consumers = (consumer, topicNames, threads, handler, handles) ->
                    messageConsumers.subscribe(consumer, topicNames, threads, handler);
        }
        this.topics = topics;
        this.concurrency = messaging.consumers();
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
                concurrency.conference(), message -> handler.handle(message.payload()), any -> true);
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
                }, any -> true);
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
    ConcurrentMessageListenerContainer<String, byte[]> registrationProcessConsumer(
            KafkaTopicDeclarations declared, RegistrationProcessService process, OrderService orders) {
        return consumers.subscribe(topics.consumer("process"),
                List.of(topics.paymentsEvents(), topics.processCommands()),
                concurrency.process(), message -> {
                    // The per-record consumers hand over every type; the per-poll consumers only these.
                    if (!PROCESS_MESSAGES.contains(message.payload().type())) return;
                    // The owner's cancellation (issue 16) comes on the process's topic, keyed by the order.
                    if (message.payload().payload() instanceof CancelOrder cancel) {
                        orders.cancelByOwner(cancel, message.metadataForConsequences());
                    } else {
                        process.handle(message.payload());
                    }
                }, PROCESS_MESSAGES::contains);
    }
}
