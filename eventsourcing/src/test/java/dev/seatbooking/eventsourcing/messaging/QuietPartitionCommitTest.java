package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TestSerializer;
import dev.seatbooking.testinfra.RestartableKafka;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partition whose handled records' offsets did not reach the broker has them committed once it is quiet, though it
 * gets no new record ({@link IdlePartitionCommits}). The container forgets the offsets of a commit that fails (the
 * broker away for longer than the commit's timeout). The first test stands for that with a container that does not
 * commit for an hour, and fails without the quiet-partition commit. The second is the fault itself: a broker of its
 * own stopped between a record's handling and its offset's commit. After the restart the group catches up whichever
 * way the restart takes it: through the quiet-partition commit, or through a rebalance (the restarted broker's
 * metadata often makes the group's leader rejoin) that delivers the record again for the inbox to skip.
 */
class QuietPartitionCommitTest {

    private static final String TOPIC = "quiet-partition";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final MessageDecoder<String> TEXT = (type, payload) -> new String(payload, StandardCharsets.UTF_8);

    private final String group = "quiet-" + UUID.randomUUID();
    private final CountDownLatch heldEntered = new CountDownLatch(1);
    private final CountDownLatch heldReleased = new CountDownLatch(1);
    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger commitTimeouts = new AtomicInteger();

    private RestartableKafka kafka;
    private EventStoreDatabase db;
    private KafkaProducer<String, byte[]> producer;
    private ConcurrentMessageListenerContainer<String, byte[]> container;

    @AfterEach
    void stop() {
        heldReleased.countDown();
        if (container != null) container.stop();
        if (producer != null) producer.close(Duration.ZERO);
        if (db != null) db.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void records_handled_but_not_committed_by_the_container_are_committed_once_their_partition_is_quiet()
            throws Exception {
        String topic = TestKafka.uniqueTopic("quiet-partition");
        TestKafka.createTopic(topic, 1);
        db = new EventStoreDatabase("quiet_partition_uncommitted", 4);
        InboxProcessor inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
        var listener = new BatchInboxListener<>(group, TEXT, inbox, message -> handled.incrementAndGet(), type -> true);
        PollSettings commitHourly = new PollSettings(100, Duration.ofMillis(100), 1, Duration.ofHours(1));
        container = KafkaConsumers.perPollContainer(TestKafka.bootstrapServers(), List.of(topic), 1, listener,
                new DefaultErrorHandler(), commitHourly);
        container.start();
        producer = KafkaProducers.idempotent(TestKafka.bootstrapServers(), "quiet-partition-test");
        for (int i = 0; i < 3; i++) send(topic, "record " + i);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.get() == 3);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> committedOffset(TestKafka.bootstrapServers(), new TopicPartition(topic, 0)) == 3);
    }

    @Test
    void the_offset_of_a_record_handled_while_the_broker_went_away_is_committed_when_it_is_back() throws Exception {
        kafka = RestartableKafka.start();
        try (Admin admin = admin(kafka.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        startConsuming();

        send("first");
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() == 1);

        send("held");
        assertThat(heldEntered.await(60, TimeUnit.SECONDS)).as("the held record reached the handler").isTrue();
        kafka.stop();
        heldReleased.countDown();
        // The record's transaction commits; its offset's commit times out with nobody at the broker's address.
        await().atMost(Duration.ofSeconds(60)).until(() -> commitTimeouts.get() > 0);
        kafka.startAgain();

        await().atMost(Duration.ofSeconds(90)).until(() -> committedOffset() == 2);
        assertThat(handled).as("records handled").hasValue(2);
    }

    private void startConsuming() {
        db = new EventStoreDatabase("quiet_partition_broker_away", 4);
        InboxProcessor inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
        InboxMessageListener<String> listener = new InboxMessageListener<>(group, TEXT, inbox, message -> {
            handled.incrementAndGet();
            if (message.payload().equals("held")) {
                heldEntered.countDown();
                await().atMost(Duration.ofSeconds(60)).until(() -> heldReleased.getCount() == 0);
            }
        });
        producer = KafkaProducers.idempotent(kafka.bootstrapServers(), "quiet-partition-test");
        container = KafkaConsumers.container(kafka.bootstrapServers(), List.of(TOPIC), 1, listener,
                new CommitTimeoutsCounted());
        // The services wait 60 s (the client's default) before a commit fails; the test need not.
        container.getContainerProperties().setSyncCommitTimeout(Duration.ofSeconds(2));
        container.start();
    }

    private void send(String payload) throws Exception {
        send(TOPIC, payload);
    }

    private void send(String topic, String payload) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, "key", payload.getBytes(StandardCharsets.UTF_8),
                MessageHeaders.of(UUID.randomUUID(), "Text", UUID.randomUUID(), null))).get(30, TimeUnit.SECONDS);
    }

    private long committedOffset() throws Exception {
        return committedOffset(kafka.bootstrapServers(), PARTITION);
    }

    private long committedOffset(String bootstrapServers, TopicPartition partition) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Spring's error handler, counting the commits that timed out (the container hands them over). */
    private final class CommitTimeoutsCounted extends DefaultErrorHandler {

        @Override
        public void handleOtherException(Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer container,
                                         boolean batchListener) {
            if (thrown instanceof TimeoutException && thrown.getMessage().contains("committing offsets")) {
                commitTimeouts.incrementAndGet();
            }
            super.handleOtherException(thrown, consumer, container, batchListener);
        }
    }
}
