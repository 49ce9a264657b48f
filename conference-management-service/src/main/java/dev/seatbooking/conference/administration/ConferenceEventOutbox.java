package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes integration events to the outbox ({@code outgoing_messages}) in the transaction that changes the
 * conference: JPA and the outbox's JdbcTemplate share that transaction's connection, so the event is stored if
 * and only if the change commits, and the foundation's dispatcher sends it to {@code conference.events} after
 * commit (again after a crash). The RI saved first and published second, and lost events in between.
 * <p>
 * Key and aggregate id = conference id, so one conference's events stay in order on one partition; the
 * aggregate version is the conference's own event counter (1, 2, 3 ... without gaps), which consumers use to
 * order and deduplicate.
 */
@Component
public class ConferenceEventOutbox {

    private final OutgoingMessages outgoing;
    private final MessageCodec codec;
    private final Clock clock;

    public ConferenceEventOutbox(OutgoingMessages outgoing, MessageCodec codec, Clock clock) {
        this.outgoing = outgoing;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * @param conference    locked in the caller's transaction (see {@link ConferenceRepository#findForUpdate})
     * @param correlationId shared by the events of one owner's action (a first publication announces several)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Envelope announce(Conference conference, UUID correlationId, ConferenceEvent event) {
        if (!event.conferenceId().equals(conference.id())) {
            throw new IllegalArgumentException(event + " is not about conference " + conference.id());
        }
        long version = conference.nextEventVersion();
        Envelope envelope = Envelope.of(UUID.randomUUID(), event, conference.id(), version,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        envelope = new Envelope(envelope.messageId(), envelope.type(), envelope.schemaVersion(), correlationId,
                correlationId, envelope.occurredAt(), conference.id(), version, event);
        outgoing.enqueue(ContractsMessaging.outgoing(codec, Topics.CONFERENCE_EVENTS, envelope, null));
        return envelope;
    }
}
