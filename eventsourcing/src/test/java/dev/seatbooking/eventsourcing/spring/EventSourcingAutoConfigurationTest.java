package dev.seatbooking.eventsourcing.spring;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import dev.seatbooking.eventsourcing.relay.EventRelay;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Spring Boot service with nothing but a DataSource and Kafka address gets the whole machinery. */
@SpringBootTest(classes = EventSourcingAutoConfigurationTest.Service.class)
class EventSourcingAutoConfigurationTest {

    static final String EVENTS = TestKafka.uniqueTopic("autoconfig.events");
    static final String COMMANDS = TestKafka.uniqueTopic("autoconfig.commands");
    static final List<IncomingMessage<Envelope>> RECEIVED = new CopyOnWriteArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
        @Bean
        ConcurrentMessageListenerContainer<String, byte[]> listener(MessageConsumers consumers) {
            return consumers.subscribe("autoconfig-test", List.of(EVENTS, COMMANDS), 1, RECEIVED::add);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("autoconfig");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.application.name", () -> "autoconfig-test");
        registry.add("seatbooking.eventsourcing.relay.topics.order", () -> EVENTS);
    }

    @Autowired
    PostgresEventStore store;
    @Autowired
    OutgoingMessages outgoing;
    @Autowired
    MessageCodec codec;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventRelay relay;

    @Test
    void events_are_relayed_and_outgoing_commands_dispatched_to_the_services_consumers() {
        UUID orderId = UUID.randomUUID();
        store.append(orderId, "order", 0, List.of(new OrderExpired(orderId)), EventMetadata.newConversation("test"));
        Envelope command = Envelope.of(new RejectOrder(orderId), orderId);
        transactions.executeWithoutResult(tx ->
                outgoing.enqueue(ContractsMessaging.outgoing(codec, COMMANDS, command, null)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RECEIVED)
                .extracting(m -> m.payload().payload())
                .containsExactlyInAnyOrder(new OrderExpired(orderId), new RejectOrder(orderId)));
        assertThat(RECEIVED).filteredOn(m -> m.payload().payload() instanceof RejectOrder).singleElement()
                .satisfies(m -> {
                    assertThat(m.messageId()).isEqualTo(command.messageId());
                    assertThat(m.correlationId()).isEqualTo(command.correlationId());
                    assertThat(m.key()).isEqualTo(orderId.toString());
                });
        assertThat(relay.isPublishing()).isTrue();
    }
}
