package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.correlation.Correlation;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-poll consumer ({@link BatchInboxListener} in {@link KafkaConsumers#perPollContainer}) against a real broker
 * and database: a poll in one transaction, each message once, and a failing record isolated from the rest of its
 * poll. Each test sends its records to a topic of its own before its consumer starts, so that they arrive in one poll.
 */
class PerPollConsumerTest {

    private static final int MAX_RETRIES = 2;
    private static final DeadLetterPolicy POLICY =
            new DeadLetterPolicy(MAX_RETRIES, Duration.ofMillis(50), 2.0, Duration.ofMillis(200));
    private static final String GARBAGE = "this is not JSON";
    /** A type the tests' consumers do not want; the decoder would reject it. */
    private static final String UNWANTED = "Unwanted";

    private static EventStoreDatabase db;
    private static InboxProcessor inbox;
    private static KafkaProducer<String, byte[]> producer;
    private static DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;

    private static final TestSerializer serializer = new TestSerializer();

    private final String topic = TestKafka.uniqueTopic("per-poll");
    private final String consumer = "counters-" + UUID.randomUUID();
    private final UUID counter = UUID.randomUUID();
    /** Messages whose handling always fails, and how often it was tried. */
    private final Map<UUID, AtomicInteger> failing = new ConcurrentHashMap<>();
    /** The database transaction (its id) each message was last handled in, committed or not. */
    private final Map<UUID, Long> transactionOf = new ConcurrentHashMap<>();
    /** The correlation id in the log context while each message was handled, against the message's own. */
    private final Map<UUID, String> logContextOf = new ConcurrentHashMap<>();
    private final Map<UUID, String> correlationOf = new ConcurrentHashMap<>();
    /** The type and the payload of every record given to the decoder. */
    private final Queue<String> decodedTypes = new ConcurrentLinkedQueue<>();
    private final Queue<String> decodedPayloads = new ConcurrentLinkedQueue<>();
    private ConcurrentMessageListenerContainer<String, byte[]> container;

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("per_poll", 6);
        inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
        producer = KafkaProducers.idempotent(TestKafka.bootstrapServers(), "per-poll-test");
        deadLetterProducers = KafkaProducers.producerFactory(TestKafka.bootstrapServers(), "per-poll-dead-letters");
    }

    @AfterEach
    void stopConsumer() {
        if (container != null) container.stop();
    }

    @AfterAll
    static void stop() {
        deadLetterProducers.destroy();
        producer.close();
        db.close();
    }

    @Test
    void a_poll_is_handled_in_one_transaction_each_message_once_and_a_redelivery_is_skipped() {
        List<UUID> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> send(i)).toList();
        send(ids.get(2), "Incremented", "{\"by\":99}"); // the third message again, in the same poll

        consume(any -> true);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 20);
        assertThat(increments()).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(ids).extracting(transactionOf::get).as("transactions").containsOnly(transactionOf.get(ids.get(0)));
        assertThat(inboxEntries()).isEqualTo(20);
        assertThat(logContextOf).as("each handled in its own conversation").isEqualTo(correlationOf);

        // Delivered again after the poll was committed: the inbox knows it. The next message shows it was read.
        send(ids.get(4), "Incremented", "{\"by\":99}");
        send(21);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 21);
        assertThat(increments()).doesNotContain(99).endsWith(21);
        assertThat(inboxEntries()).isEqualTo(21);
    }

    @Test
    void an_undecodable_record_in_a_poll_is_dead_lettered_at_once_and_the_records_around_it_are_handled_once() {
        List<UUID> before = IntStream.rangeClosed(1, 5).mapToObj(i -> send(i)).toList();
        UUID undecodable = send(UUID.randomUUID(), "Incremented", GARBAGE);
        List<UUID> after = IntStream.rangeClosed(6, 10).mapToObj(i -> send(i)).toList();

        consume(any -> true);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 10);
        assertThat(increments()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().size() == 1);
        ConsumerRecord<String, byte[]> dead = deadLetters().getFirst();
        assertThat(MessageHeaders.uuid(dead.headers(), MessageHeaders.MESSAGE_ID)).contains(undecodable);
        // The error handler is told of the record by index (BatchListenerFailedException); the reason is its cause.
        assertThat(text(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains(UndecodableMessageException.class.getName() + ": Cannot decode");
        // Decoded with its poll, then on its own to find the culprit; never retried.
        assertThat(decodedPayloads).filteredOn(GARBAGE::equals).hasSize(2);
        // The records before it were committed one by one, the rest of the poll again together.
        assertThat(before).extracting(transactionOf::get).doesNotHaveDuplicates();
        assertThat(after).extracting(transactionOf::get).containsOnly(transactionOf.get(after.get(0)));
        assertThat(inboxEntries()).isEqualTo(10);
    }

    @Test
    void a_message_the_handler_fails_on_is_retried_alone_then_dead_lettered_and_the_rest_of_its_poll_is_kept() {
        List<UUID> before = IntStream.rangeClosed(1, 2).mapToObj(i -> send(i)).toList();
        UUID poison = UUID.randomUUID();
        failing.put(poison, new AtomicInteger());
        send(poison, "Incremented", "{\"by\":100}");
        List<UUID> after = IntStream.rangeClosed(3, 4).mapToObj(i -> send(i)).toList();

        consume(any -> true);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 4);
        assertThat(increments()).containsExactly(1, 2, 3, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().size() == 1);
        ConsumerRecord<String, byte[]> dead = deadLetters().getFirst();
        assertThat(MessageHeaders.uuid(dead.headers(), MessageHeaders.MESSAGE_ID)).contains(poison);
        assertThat(text(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains(IllegalStateException.class.getName() + ": Cannot handle " + poison);
        assertThat(text(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).as("the reason, not only the place")
                .contains("Cannot handle " + poison);
        // Each delivery (the first, then the policy's retries) tries it with its poll, then alone.
        assertThat(failing.get(poison)).as("attempts").hasValue(2 * (1 + MAX_RETRIES));
        assertThat(before).extracting(transactionOf::get).doesNotHaveDuplicates();
        assertThat(after).extracting(transactionOf::get).containsOnly(transactionOf.get(after.get(0)));
        assertThat(inboxEntries()).isEqualTo(4);
        assertThat(inboxEntriesOf(poison)).isZero();
    }

    @Test
    void messages_of_unwanted_types_are_skipped_without_being_decoded_or_recorded() {
        UUID first = send(1);
        UUID unwanted = send(UUID.randomUUID(), UNWANTED, GARBAGE);
        UUID last = send(2);

        consume(type -> !type.equals(UNWANTED));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.store.currentVersion(counter) == 2);
        assertThat(increments()).containsExactly(1, 2);
        assertThat(decodedTypes).doesNotContain(UNWANTED);
        assertThat(inboxEntriesOf(unwanted)).isZero();
        assertThat(inboxEntriesOf(first)).isEqualTo(1);
        assertThat(inboxEntriesOf(last)).isEqualTo(1);
    }

    /** Starts this test's consumer on the records sent so far. */
    private void consume(Predicate<String> handles) {
        MessageDecoder<Object> decoder = (type, payload) -> {
            String json = new String(payload, StandardCharsets.UTF_8);
            decodedTypes.add(type);
            decodedPayloads.add(json);
            return serializer.deserialize(type, 1, json);
        };
        var listener = new BatchInboxListener<>(consumer, decoder, inbox, this::handle, handles);
        container = KafkaConsumers.perPollContainer(TestKafka.bootstrapServers(), List.of(topic), 1, listener,
                POLICY.errorHandler(new KafkaTemplate<>(deadLetterProducers)), PollSettings.defaults());
        container.start();
    }

    /** Appends the message's event to the counter stream named by the record key. */
    private void handle(IncomingMessage<Object> message) {
        transactionOf.put(message.messageId(), db.jdbc.queryForObject("SELECT txid_current()", Long.class));
        logContextOf.put(message.messageId(), String.valueOf(org.slf4j.MDC.get(Correlation.MDC_KEY)));
        correlationOf.put(message.messageId(), message.correlationId().toString());
        AtomicInteger attempts = failing.get(message.messageId());
        if (attempts != null) {
            attempts.incrementAndGet();
            throw new IllegalStateException("Cannot handle " + message.messageId());
        }
        UUID stream = UUID.fromString(message.key());
        db.store.append(stream, "Counter", db.store.currentVersion(stream), List.of(message.payload()),
                message.metadataForConsequences());
    }

    /** Sends a new message incrementing the counter {@code by}; all of a test's records go to one partition. */
    private UUID send(int by) {
        return send(UUID.randomUUID(), "Incremented", "{\"by\":" + by + "}");
    }

    private UUID send(UUID messageId, String type, String payload) {
        try {
            var headers = MessageHeaders.of(messageId, type, UUID.randomUUID(), null);
            producer.send(new ProducerRecord<>(topic, null, counter.toString(),
                    payload.getBytes(StandardCharsets.UTF_8), headers)).get();
            return messageId;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> increments() {
        return db.store.load(counter).stream().map(RecordedEvent::event)
                .map(event -> ((Incremented) event).by()).toList();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicReader.readAll(DeadLetterPolicy.deadLetterTopic(topic));
    }

    private long inboxEntries() {
        return db.jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = ?", Long.class, consumer);
    }

    private long inboxEntriesOf(UUID message) {
        return db.jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = ? AND message_id = ?", Long.class,
                consumer, message);
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
