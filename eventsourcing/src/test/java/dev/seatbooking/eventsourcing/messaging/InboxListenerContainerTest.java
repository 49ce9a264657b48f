package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TestSerializer;
import dev.seatbooking.eventsourcing.support.TopicReader;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decode, dedupe and handle in one transaction, dead-letter poison: the container the services consume with,
 * against a real broker and database.
 */
class InboxListenerContainerTest {

    private static final int MAX_RETRIES = 2;
    private static final String topic = TestKafka.uniqueTopic("inbox-listener");
    private static final String deadLetters = DeadLetterPolicy.deadLetterTopic(topic);
    private static final String garbage = "this is not JSON";

    private static EventStoreDatabase db;
    private static KafkaProducer<String, byte[]> producer;
    private static DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private static ConcurrentMessageListenerContainer<String, byte[]> container;
    /** Messages whose handling always fails, and how often it was tried. */
    private static final Map<UUID, AtomicInteger> poison = new ConcurrentHashMap<>();
    /** Messages whose handling finds the database away for their first attempts: how it fails, and the attempts made. */
    private static final Map<UUID, DatabaseAway> databaseAway = new ConcurrentHashMap<>();
    private static final int DATABASE_AWAY_ATTEMPTS = 5;
    private static final AtomicInteger garbageDecoded = new AtomicInteger();
    /** The logging MDC's correlation id seen while each message was handled. */
    private static final Map<UUID, String> correlationInLogs = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("inbox_listener", 6);
        producer = KafkaProducers.idempotent(TestKafka.bootstrapServers(), "inbox-listener-test");
        deadLetterProducers = KafkaProducers.producerFactory(TestKafka.bootstrapServers(), "dead-letters");
        InboxProcessor inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
        TestSerializer serializer = new TestSerializer();
        MessageDecoder<Object> decoder = (type, payload) -> {
            String json = new String(payload, StandardCharsets.UTF_8);
            if (json.equals(garbage)) garbageDecoded.incrementAndGet();
            return serializer.deserialize(type, 1, json);
        };
        InboxMessageListener<Object> listener = new InboxMessageListener<>("counters-" + UUID.randomUUID(),
                decoder, inbox, InboxListenerContainerTest::handle);
        DeadLetterPolicy policy = new DeadLetterPolicy(MAX_RETRIES, Duration.ofMillis(50), 2.0, Duration.ofMillis(200));
        TestKafka.createTopic(topic);
        container = KafkaConsumers.container(TestKafka.bootstrapServers(), List.of(topic), 1, listener,
                policy.errorHandler(new KafkaTemplate<>(deadLetterProducers)));
        container.start();
    }

    @AfterAll
    static void stop() {
        container.stop();
        deadLetterProducers.destroy();
        producer.close();
        db.close();
    }

    /** Appends the message's event to the counter stream named by the record key. */
    private static void handle(IncomingMessage<Object> message) {
        String inMdc = org.slf4j.MDC.get(dev.seatbooking.eventsourcing.correlation.Correlation.MDC_KEY);
        if (inMdc != null) correlationInLogs.put(message.messageId(), inMdc);
        AtomicInteger attempts = poison.get(message.messageId());
        if (attempts != null) {
            attempts.incrementAndGet();
            throw new IllegalStateException("Cannot handle " + message.messageId());
        }
        DatabaseAway away = databaseAway.get(message.messageId());
        if (away != null && away.attempts().incrementAndGet() <= DATABASE_AWAY_ATTEMPTS) {
            throw away.failure().get();
        }
        UUID counter = UUID.fromString(message.key());
        db.store.append(counter, "Counter", db.store.currentVersion(counter), List.of(message.payload()),
                message.metadataForConsequences());
    }

    @Test
    void poison_records_go_to_the_dead_letter_topic_after_bounded_retries_and_later_records_are_still_handled() {
        UUID counter = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID undecodable = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        poison.put(failing, new AtomicInteger());

        send(counter, before, "Incremented", "{\"by\":1}");
        RecordMetadata failingAt = send(counter, failing, "Incremented", "{\"by\":100}");
        RecordMetadata undecodableAt = send(counter, undecodable, "Incremented", garbage);
        send(counter, after, "Incremented", "{\"by\":2}");

        // Same key, same partition: the last record is handled only after both poison records were dealt with.
        await().atMost(Duration.ofSeconds(60)).until(() -> db.store.currentVersion(counter) == 2);
        assertThat(db.store.load(counter)).extracting(RecordedEvent::event)
                .containsExactly(new Incremented(1), new Incremented(2));
        assertThat(poison.get(failing)).as("attempts of the failing record").hasValue(1 + MAX_RETRIES);
        assertThat(garbageDecoded).as("undecodable records are not retried").hasValue(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(counter).size() == 2);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(counter);

        ConsumerRecord<String, byte[]> handlerFailure = dead.get(0);
        assertThat(messageId(handlerFailure)).isEqualTo(failing);
        assertThat(new String(handlerFailure.value(), StandardCharsets.UTF_8)).isEqualTo("{\"by\":100}");
        assertThat(text(handlerFailure, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Cannot handle " + failing);
        assertThat(text(handlerFailure, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(text(handlerFailure, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
        assertOriginIs(handlerFailure, failingAt);

        ConsumerRecord<String, byte[]> decodingFailure = dead.get(1);
        assertThat(messageId(decodingFailure)).isEqualTo(undecodable);
        assertThat(new String(decodingFailure.value(), StandardCharsets.UTF_8)).isEqualTo(garbage);
        assertThat(text(decodingFailure, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Cannot decode");
        assertThat(text(decodingFailure, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(text(decodingFailure, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(UndecodableMessageException.class.getName());
        assertOriginIs(decodingFailure, undecodableAt);
    }

    @Test
    void the_messages_correlation_id_is_in_the_logging_context_while_it_is_handled() {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID correlation = UUID.randomUUID();

        send(counter, message, "Incremented", "{\"by\":1}", correlation);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 1);
        assertThat(correlationInLogs).containsEntry(message, correlation.toString());
        assertThat(db.store.load(counter).getFirst().metadata().correlationId()).isEqualTo(correlation);
    }

    @Test
    void a_redelivered_message_has_one_effect() {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        send(counter, message, "Incremented", "{\"by\":1}");
        send(counter, message, "Incremented", "{\"by\":1}");
        send(counter, next, "Incremented", "{\"by\":5}");

        await().atMost(Duration.ofSeconds(60)).until(() -> db.store.currentVersion(counter) == 2);
        assertThat(db.store.load(counter)).extracting(RecordedEvent::event)
                .containsExactly(new Incremented(1), new Incremented(5));
        assertThat(db.store.load(counter).getFirst().metadata().causationId()).isEqualTo(message);
    }

    /** The database away, as a transaction meets it: no connection to begin with, or one lost in the middle. */
    enum Away {
        NO_CONNECTION(() -> new CannotCreateTransactionException("Could not open JDBC Connection for transaction")),
        // Spring's transaction manager: the statement failed on the broken connection, then so did the rollback, on
        // the connection HikariCP closed (its exception has no SQLSTATE: DroppedConnectionTest, made for real).
        CONNECTION_LOST_THEN_ROLLBACK_FAILED(() -> {
            var rollback = new TransactionSystemException("JDBC rollback failed",
                    new SQLException("Connection is closed"));
            rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006")));
            return rollback;
        });

        final Supplier<RuntimeException> failure;

        Away(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }
    }

    private record DatabaseAway(Supplier<RuntimeException> failure, AtomicInteger attempts) {
    }

    @ParameterizedTest
    @EnumSource(Away.class)
    void a_record_is_retried_for_as_long_as_the_database_is_unavailable_instead_of_being_dead_lettered(Away how) {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        databaseAway.put(message, new DatabaseAway(how.failure, new AtomicInteger()));

        send(counter, message, "Incremented", "{\"by\":7}");

        await().atMost(Duration.ofSeconds(60)).until(() -> db.store.currentVersion(counter) == 1);
        assertThat(databaseAway.get(message).attempts()).as("attempts").hasValue(DATABASE_AWAY_ATTEMPTS + 1);
        assertThat(DATABASE_AWAY_ATTEMPTS).isGreaterThan(1 + MAX_RETRIES);
        assertThat(deadLettersOf(counter)).isEmpty();
    }

    private static RecordMetadata send(UUID key, UUID messageId, String type, String payload) {
        return send(key, messageId, type, payload, UUID.randomUUID());
    }

    private static RecordMetadata send(UUID key, UUID messageId, String type, String payload, UUID correlationId) {
        try {
            return producer.send(new ProducerRecord<>(topic, null, key.toString(),
                    payload.getBytes(StandardCharsets.UTF_8),
                    MessageHeaders.of(messageId, type, correlationId, null))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(UUID key) {
        return TopicReader.readAll(deadLetters).stream().filter(r -> r.key().equals(key.toString())).toList();
    }

    private static void assertOriginIs(ConsumerRecord<String, byte[]> deadLetter, RecordMetadata original) {
        assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt())
                .isEqualTo(original.partition());
        assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
                .isEqualTo(original.offset());
    }

    private static UUID messageId(ConsumerRecord<String, byte[]> record) {
        return MessageHeaders.uuid(record.headers(), MessageHeaders.MESSAGE_ID).orElseThrow();
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return header.value();
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        return new String(header(record, name), StandardCharsets.UTF_8);
    }
}
