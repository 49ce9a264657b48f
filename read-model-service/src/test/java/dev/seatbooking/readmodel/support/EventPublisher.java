package dev.seatbooking.readmodel.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Publishes envelopes to the test topics the way the relay does: key = stream id, value = the encoded
 * envelope, headers message-id, message-type, correlation-id, causation-id.
 */
public final class EventPublisher implements AutoCloseable {

    private static volatile EventPublisher shared;

    private final KafkaProducer<String, byte[]> producer;
    private final MessageCodec codec = MessageCodec.contracts();

    private EventPublisher() {
        producer = KafkaProducers.idempotentToNewTopics(TestKafka.bootstrapServers(), "readmodel-test-publisher");
    }

    public static EventPublisher shared() {
        if (shared == null) {
            synchronized (EventPublisher.class) {
                if (shared == null) shared = new EventPublisher();
            }
        }
        return shared;
    }

    public static String topicOf(Envelope envelope) {
        StreamType type = StreamType.of(envelope.payload().getClass()).orElseThrow();
        return switch (type) {
            case CONFERENCE -> ReadModelTest.CONFERENCE_EVENTS;
            case PAYMENT -> ReadModelTest.PAYMENTS_EVENTS;
            default -> ReadModelTest.REGISTRATION_EVENTS;
        };
    }

    public static ProducerRecord<String, byte[]> record(String topic, Envelope envelope, MessageCodec codec) {
        return new ProducerRecord<>(topic, null, envelope.aggregateId().toString(), codec.encodeEnvelope(envelope),
                MessageHeaders.of(envelope.messageId(), envelope.type(), envelope.correlationId(), envelope.causationId()));
    }

    /** Sends and waits until Kafka has acknowledged every one. */
    public void publish(Envelope... envelopes) {
        publish(List.of(envelopes));
    }

    public void publish(List<Envelope> envelopes) {
        send(envelopes, EventPublisher::topicOf);
    }

    /** Sends to topics of a test's own (each envelope to its stream's topic) and waits for the acknowledgements. */
    public void publish(ReadModelProperties.Topics topics, List<Envelope> envelopes) {
        send(envelopes, e -> StreamType.of(e.payload().getClass()).orElseThrow().topic(topics));
    }

    private void send(List<Envelope> envelopes, java.util.function.Function<Envelope, String> topic) {
        var sent = envelopes.stream().map(e -> producer.send(record(topic.apply(e), e, codec))).toList();
        producer.flush();
        for (var future : sent) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("Could not publish", e);
            }
        }
    }

    /** A raw record (e.g. one that is not an envelope). */
    public void publishRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
