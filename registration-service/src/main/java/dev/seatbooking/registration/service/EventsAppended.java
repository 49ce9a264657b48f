package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.Envelope;

import java.util.List;

/**
 * Events just appended to a stream of this context (an order, a conference's seats), published in-process (a Spring
 * application event, delivered synchronously) inside the transaction that appended them, so the registration process
 * reacts in that same transaction instead of a Kafka round trip later. They are relayed to
 * {@code registration.events} as well, for everyone else.
 */
public record EventsAppended(List<Envelope> events) {

    public EventsAppended {
        events = List.copyOf(events);
    }
}
