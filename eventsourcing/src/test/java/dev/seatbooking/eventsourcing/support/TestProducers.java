package dev.seatbooking.eventsourcing.support;

import dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.producer.Producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Supplier;

/** Producer factories for dispatchers under test. */
public final class TestProducers {

    private TestProducers() {
    }

    /** Idempotent producers to the test broker. */
    public static Supplier<Producer<String, byte[]>> toTestBroker(String clientId) {
        return OutgoingMessageDispatcher.kafkaProducers(TestKafka.bootstrapServers(), clientId);
    }

    /**
     * Producers to a port nobody listens on: every send fails, after a short metadata wait, the way sends
     * fail while the broker is down.
     */
    public static Supplier<Producer<String, byte[]>> toUnreachableBroker() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OutgoingMessageDispatcher.kafkaProducers("127.0.0.1:" + closedPort, "unreachable",
                Duration.ofMillis(300), Duration.ofMillis(1000));
    }
}
