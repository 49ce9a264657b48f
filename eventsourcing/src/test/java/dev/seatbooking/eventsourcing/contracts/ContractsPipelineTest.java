package dev.seatbooking.eventsourcing.contracts;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.messaging.DeadLetterPolicy;
import dev.seatbooking.eventsourcing.messaging.InboxMessageListener;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import dev.seatbooking.eventsourcing.messaging.KafkaConsumers;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.relay.EventRelay;
import dev.seatbooking.eventsourcing.relay.RelaySettings;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation end to end, as a service will use it: contract events appended to the store reach another
 * service's handler over real Kafka as envelopes, each once, with their stream version and conversation,
 * and an event stored by the old system arrives upcast.
 */
class ContractsPipelineTest {

    private final MessageCodec codec = MessageCodec.contracts();
    private final String topic = TestKafka.uniqueTopic("registration.events");

    @Test
    void events_travel_from_the_store_through_the_relay_to_a_consumer_as_envelopes() {
        UUID orderId = UUID.randomUUID();
        EventMetadata conversation = EventMetadata.newConversation("registrant");
        List<IncomingMessage<Envelope>> received = new CopyOnWriteArrayList<>();

        try (HikariDataSource writerDb = TestPostgres.newDatabase("pipeline_writer").dataSource(6);
             HikariDataSource readerDb = TestPostgres.newDatabase("pipeline_reader").dataSource(4)) {
            EventSourcingSchema.migrate(writerDb);
            EventSourcingSchema.migrate(readerDb);
            TestKafka.createTopic(topic);
            try (EventNotifications notifications = new EventNotifications(writerDb).start()) {
                PostgresEventStore store = new PostgresEventStore(writerDb, ContractsEventSerializer.contracts(), notifications);
                store.append(orderId, "order", 0, List.of(
                        new OrderRegistrantAssigned(orderId, "Ada", "Lovelace", "ada@example.org")), conversation);
                new JdbcTemplate(writerDb).update("""
                        INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload, correlation_id)
                        VALUES (?, 'order', 2, 'registration.OrderPaymentConfirmed', 1, ?, ?::jsonb, ?)""",
                        orderId, UUID.randomUUID(), "{\"orderId\": \"" + orderId + "\"}",
                        conversation.correlationId());
                store.append(orderId, "order", 2, List.of(new OrderExpired(orderId)), conversation);

                var consumer = consumer(readerDb, received);
                // The relay starts once the consumer owns every partition, so the wait below is for delivery alone.
                ContainerTestUtils.waitForAssignment(consumer, TestKafka.PARTITIONS);
                try (EventRelay relay = new EventRelay(writerDb, store,
                        () -> KafkaProducers.idempotent(TestKafka.bootstrapServers(), "pipeline-relay"),
                        event -> topic, ContractsMessaging.envelopeEncoder(codec), RelaySettings.defaults("pipeline"))) {
                    relay.start();
                    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
                } finally {
                    consumer.stop();
                }
            }
        }

        assertThat(received).extracting(m -> m.payload().payload()).containsExactly(
                new OrderRegistrantAssigned(orderId, "Ada", "Lovelace", "ada@example.org"),
                new OrderConfirmed(orderId, false),
                new OrderExpired(orderId));
        assertThat(received).extracting(m -> m.payload().aggregateVersion()).containsExactly(1L, 2L, 3L);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.payload().aggregateId()).isEqualTo(orderId);
            assertThat(m.payload().correlationId()).isEqualTo(conversation.correlationId());
            assertThat(m.payload().messageId()).isEqualTo(m.messageId());
            assertThat(m.key()).isEqualTo(orderId.toString());
        });
        assertThat(received.get(1).payload().type()).isEqualTo("registration.OrderConfirmed");
    }

    private ConcurrentMessageListenerContainer<String, byte[]> consumer(HikariDataSource readerDb,
                                                                       List<IncomingMessage<Envelope>> received) {
        InboxProcessor inbox = new InboxProcessor(new Inbox(readerDb), new DataSourceTransactionManager(readerDb));
        var listener = new InboxMessageListener<>("pipeline-" + UUID.randomUUID(),
                ContractsMessaging.envelopeDecoder(codec), inbox, received::add);
        DefaultKafkaProducerFactory<String, byte[]> deadLetters =
                KafkaProducers.producerFactory(TestKafka.bootstrapServers(), "pipeline-dlt");
        var container = KafkaConsumers.container(TestKafka.bootstrapServers(), List.of(topic), 1, listener,
                DeadLetterPolicy.defaults().errorHandler(new KafkaTemplate<>(deadLetters)));
        container.start();
        return container;
    }
}
