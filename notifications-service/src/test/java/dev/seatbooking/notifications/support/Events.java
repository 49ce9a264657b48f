package dev.seatbooking.notifications.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.testing.EnvelopePublisher;
import dev.seatbooking.testinfra.TestKafka;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Plays the other services: puts their events on a topic as their relays and outboxes would. */
public final class Events implements AutoCloseable {

    private final EnvelopePublisher publisher =
            new EnvelopePublisher(TestKafka.bootstrapServers(), "test-events", MessageCodec.contracts());

    /** Sends {@code event} of stream {@code streamId}; returns the envelope, to send again. */
    public Envelope send(String topic, UUID streamId, Message event) {
        return send(topic, streamId, event, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Sends {@code event} of stream {@code streamId} as having occurred at {@code occurredAt}. */
    public Envelope send(String topic, UUID streamId, Message event, Instant occurredAt) {
        Envelope envelope = Envelope.of(UUID.randomUUID(), event, streamId, Envelope.UNVERSIONED, occurredAt);
        send(topic, envelope);
        return envelope;
    }

    /** Sends (again) exactly this envelope, with its message id. */
    public void send(String topic, Envelope envelope) {
        publisher.send(topic, envelope);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
