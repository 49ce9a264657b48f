package dev.seatbooking.conference.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Plays registration: puts its events on {@code registration.events} as its relay would; or, made by
 * {@link #payments()}, plays payments on {@code payments.events}.
 */
public final class RegistrationEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer =
            KafkaProducers.idempotentToNewTopics(TestKafka.bootstrapServers(), "test-registration");
    private final String topic;

    public RegistrationEvents() {
        this(Topics.REGISTRATION_EVENTS);
    }

    private RegistrationEvents(String topic) {
        this.topic = topic;
    }

    /** Plays payments' relay instead: the same, on {@code payments.events}. */
    public static RegistrationEvents payments() {
        return new RegistrationEvents(Topics.PAYMENTS_EVENTS);
    }

    /** Sends {@code event} of stream {@code streamId} at {@code version}; returns the envelope, to send again. */
    public Envelope send(UUID streamId, long version, Message event) {
        Envelope envelope = Envelope.of(event, streamId, version);
        send(envelope);
        return envelope;
    }

    /** Sends (again) exactly this envelope, with its message id. */
    public void send(Envelope envelope) {
        var record = new ProducerRecord<>(topic, null, envelope.aggregateId().toString(),
                MessageCodec.contracts().encodeEnvelope(envelope),
                MessageHeaders.of(envelope.messageId(), envelope.type(), envelope.correlationId(),
                        envelope.causationId()));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + envelope.type(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
