package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TestSerializer;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown: stopping a consumer (as an application context does when the service stops) while a message is
 * being handled lets the handling finish, its transaction commit and the offset be committed; nothing is cut off
 * half-way, and nothing is left for the next start to do again.
 */
class GracefulStopTest {

    @Test
    void stopping_while_a_message_is_handled_finishes_it_and_commits_its_offset() throws Exception {
        String topic = TestKafka.uniqueTopic("graceful-stop");
        String consumer = "graceful-" + UUID.randomUUID();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        UUID counter = UUID.randomUUID();
        try (EventStoreDatabase db = new EventStoreDatabase("graceful_stop", 4);
             KafkaProducer<String, byte[]> producer = KafkaProducers.idempotent(TestKafka.bootstrapServers(), "graceful")) {
            InboxProcessor inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
            TestSerializer serializer = new TestSerializer();
            InboxMessageListener<Object> listener = new InboxMessageListener<>(consumer,
                    (type, payload) -> serializer.deserialize(type, 1, new String(payload, StandardCharsets.UTF_8)),
                    inbox, message -> {
                handling.countDown();
                try {
                    // The in-flight work: it lasts until the test has asked the container to stop.
                    if (!mayFinish.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted while handling", e);
                }
                db.store.append(counter, "Counter", db.store.currentVersion(counter), List.of(message.payload()),
                        message.metadataForConsequences());
            });
            DefaultKafkaProducerFactory<String, byte[]> deadLetters =
                    KafkaProducers.producerFactory(TestKafka.bootstrapServers(), "graceful-dlt");
            TestKafka.createTopic(topic);
            ConcurrentMessageListenerContainer<String, byte[]> container = KafkaConsumers.container(
                    TestKafka.bootstrapServers(), List.of(topic), 1, listener,
                    new DeadLetterPolicy(2, Duration.ofMillis(50), 2.0, Duration.ofMillis(200))
                            .errorHandler(new KafkaTemplate<>(deadLetters)));
            container.start();
            try {
                producer.send(new ProducerRecord<>(topic, null, counter.toString(),
                        "{\"by\":1}".getBytes(StandardCharsets.UTF_8),
                        MessageHeaders.of(UUID.randomUUID(), "Incremented", UUID.randomUUID(), null))).get();
                assertThat(handling.await(60, TimeUnit.SECONDS)).as("the handling started").isTrue();

                // What closing the application context does; stop() returns once the container has stopped.
                Thread stopping = Thread.ofPlatform().start(container::stop);
                await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
                mayFinish.countDown();
                stopping.join(Duration.ofSeconds(60));
                assertThat(stopping.isAlive()).as("the container stopped").isFalse();
            } finally {
                mayFinish.countDown();
                deadLetters.destroy();
            }

            assertThat(db.store.currentVersion(counter)).as("the in-flight message was handled to the end").isEqualTo(1);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(consumer).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                assertThat(committed.values()).as("its offset is committed").extracting(OffsetAndMetadata::offset)
                        .contains(1L);
            }
        }
    }
}
