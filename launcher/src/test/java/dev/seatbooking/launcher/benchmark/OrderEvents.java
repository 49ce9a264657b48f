package dev.seatbooking.launcher.benchmark;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * When registration marked each order reserved and confirmed: follows {@code registration.events} from its end
 * (read committed, as the services read it) and notes the moment each order's first
 * OrderReservationCompleted/OrderPartiallyReserved and OrderConfirmed arrive. The write side's own moments, as
 * registration's LoadBenchmark measures them, without polling the platform for them.
 */
final class OrderEvents implements AutoCloseable {

    private static final String RESERVED = "registration.OrderReservationCompleted";
    private static final String PARTIALLY = "registration.OrderPartiallyReserved";
    private static final String CONFIRMED = "registration.OrderConfirmed";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<UUID, Long> reservedAt = new ConcurrentHashMap<>();
    private final Map<UUID, Long> confirmedAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    OrderEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRATION_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolved now: every order placed from here on is seen
        thread = Thread.ofPlatform().daemon().name("bench-order-events").start(this::follow);
    }

    /** nanoTime when each order was first marked reserved (fully or partially). */
    Map<UUID, Long> reservedAt() {
        return reservedAt;
    }

    /** nanoTime when each order was confirmed. */
    Map<UUID, Long> confirmedAt() {
        return confirmedAt;
    }

    /** Waits until {@code moments} holds every one of {@code orders}; false if it does not by the deadline. */
    static boolean awaitAll(Map<UUID, Long> moments, Collection<UUID> orders, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!moments.keySet().containsAll(orders)) {
            if (System.nanoTime() > deadline) return false;
            TimeUnit.MILLISECONDS.sleep(20); // a benchmark's wait for the platform, not a test's synchronisation
        }
        return true;
    }

    private void follow() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                String type = MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_TYPE).orElse("");
                if (type.equals(RESERVED) || type.equals(PARTIALLY)) {
                    reservedAt.putIfAbsent(UUID.fromString(record.key()), now);
                } else if (type.equals(CONFIRMED)) {
                    confirmedAt.putIfAbsent(UUID.fromString(record.key()), now);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
        consumer.close();
    }
}
