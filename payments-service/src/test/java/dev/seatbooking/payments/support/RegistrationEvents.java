package dev.seatbooking.payments.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.ExecutionException;

/**
 * Publishes on {@code registration.events} as registration's relay does: the envelope as the value, the aggregate id
 * as the key, the message id, type, correlation and causation ids as headers.
 */
final class RegistrationEvents {

    private static final MessageCodec CODEC = MessageCodec.contracts();
    private static volatile KafkaProducer<String, byte[]> producer;

    private RegistrationEvents() {
    }

    static Envelope send(Envelope envelope) {
        var record = new ProducerRecord<>(Topics.REGISTRATION_EVENTS, null, envelope.aggregateId().toString(),
                CODEC.encodeEnvelope(envelope), MessageHeaders.of(envelope.messageId(), envelope.type(),
                envelope.correlationId(), envelope.causationId()));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e.getCause());
        }
        return envelope;
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (RegistrationEvents.class) {
                if (producer == null) {
                    producer = KafkaProducers.idempotentToNewTopics(TestKafka.bootstrapServers(), "registration-test");
                    Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "registration-test-producer-close"));
                }
            }
        }
        return producer;
    }
}
