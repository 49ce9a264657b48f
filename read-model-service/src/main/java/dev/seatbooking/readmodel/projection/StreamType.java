package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.readmodel.ReadModelProperties;

import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of event streams the read side follows. A stream is identified by its type and the envelope's
 * aggregate id: a conference and its SeatsAvailability share the conference id but are two streams with
 * versions of their own.
 */
public enum StreamType {
    CONFERENCE("conference", ConferenceEvent.class, ReadModelProperties.Topics::conferenceEvents),
    SEATS_AVAILABILITY("seats-availability", SeatsAvailabilityEvent.class, ReadModelProperties.Topics::registrationEvents),
    ORDER("order", OrderEvent.class, ReadModelProperties.Topics::registrationEvents),
    SEAT_ASSIGNMENTS("seat-assignments", SeatAssignmentsEvent.class, ReadModelProperties.Topics::registrationEvents),
    PAYMENT("payment", PaymentEvent.class, ReadModelProperties.Topics::paymentsEvents);

    private final String id;
    private final Class<? extends Message> events;
    private final Function<ReadModelProperties.Topics, String> topic;

    StreamType(String id, Class<? extends Message> events, Function<ReadModelProperties.Topics, String> topic) {
        this.id = id;
        this.events = events;
        this.topic = topic;
    }

    /** The name stored in {@code stream_versions}. */
    public String id() {
        return id;
    }

    public String topic(ReadModelProperties.Topics topics) {
        return topic.apply(topics);
    }

    public static Optional<StreamType> of(Class<?> messageClass) {
        for (StreamType type : values()) {
            if (type.events.isAssignableFrom(messageClass)) return Optional.of(type);
        }
        return Optional.empty();
    }

    public static StreamType byId(String id) {
        for (StreamType type : values()) {
            if (type.id.equals(id)) return type;
        }
        throw new IllegalArgumentException("Unknown stream type " + id);
    }
}
