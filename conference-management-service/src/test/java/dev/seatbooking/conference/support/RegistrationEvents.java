package dev.seatbooking.conference.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.testing.EnvelopePublisher;
import dev.seatbooking.testinfra.TestKafka;

import java.util.UUID;

/**
 * Plays registration: puts its events on {@code registration.events} as its relay would; or, made by
 * {@link #payments()}, plays payments on {@code payments.events}.
 */
public final class RegistrationEvents implements AutoCloseable {

    private final EnvelopePublisher publisher =
            new EnvelopePublisher(TestKafka.bootstrapServers(), "test-registration", MessageCodec.contracts());
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
        publisher.send(topic, envelope);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
