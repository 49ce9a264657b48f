package dev.seatbooking.eventsourcing.testing;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.ExecutionException;

/**
 * Plays another service in a test: puts envelopes on a topic as its relay or outbox would (keyed by the aggregate id,
 * with the message headers), each send waited for.
 */
public final class EnvelopePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final MessageCodec codec;

    public EnvelopePublisher(String bootstrapServers, String clientId, MessageCodec codec) {
        this.producer = KafkaProducers.idempotentToNewTopics(bootstrapServers, clientId);
        this.codec = codec;
    }

    /** Sends (again) exactly this envelope, with its message id. */
    public void send(String topic, Envelope envelope) {
        var record = new ProducerRecord<>(topic, null, envelope.aggregateId().toString(),
                codec.encodeEnvelope(envelope),
                MessageHeaders.of(envelope.messageId(), envelope.type(), envelope.correlationId(),
                        envelope.causationId()));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + envelope.type() + " to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
