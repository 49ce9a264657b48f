package dev.seatbooking.registration.support;

import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.eventsourcing.testing.EnvelopePublisher;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what Conference Management and Payments publish, as they will: contract envelopes on their topics, keyed
 * by aggregate id, with the {@code message-id}, {@code message-type}, {@code correlation-id} and
 * {@code causation-id} headers.
 */
public final class UpstreamServices implements AutoCloseable {

    /** A seat type to put on sale. */
    public record SeatTypeSpec(String name, int quantity, Money price) {
    }

    /** A published conference and its seat types, in the order given. */
    public record PublishedConference(UUID id, String slug, List<UUID> seatTypes, List<SeatTypeSpec> specs) {
        public UUID seatType() {
            return seatTypes.getFirst();
        }
    }

    private static final AtomicLong SLUGS = new AtomicLong();
    private static final LocalDate START = LocalDate.of(2030, 5, 1);
    private static final LocalDate END = LocalDate.of(2030, 5, 2);

    private final EnvelopePublisher publisher;
    private final String prefix;

    public UpstreamServices(String bootstrapServers, String topicPrefix) {
        this.publisher = new EnvelopePublisher(bootstrapServers, "upstream-" + UUID.randomUUID(),
                MessageCodec.contracts());
        this.prefix = topicPrefix;
    }

    /** ConferenceCreated, a SeatCreated per seat type, ConferencePublished: what the owner's first publication sends. */
    public PublishedConference publishConference(Duration reservationHold, SeatTypeSpec... seatTypes) {
        return announceConference(reservationHold, null, true, seatTypes);
    }

    /** As {@link #publishConference}, the conference holding its waitlist offers {@code offerHold}. */
    public PublishedConference publishConference(Duration reservationHold, Duration offerHold, SeatTypeSpec... seatTypes) {
        return announceConference(reservationHold, offerHold, true, seatTypes);
    }

    /** As {@link #publishConference}, but only published if {@code publish}: an unpublished one takes no orders. */
    public PublishedConference announceConference(Duration reservationHold, boolean publish, SeatTypeSpec... seatTypes) {
        return announceConference(reservationHold, null, publish, seatTypes);
    }

    private PublishedConference announceConference(Duration reservationHold, Duration offerHold, boolean publish,
                                                   SeatTypeSpec... seatTypes) {
        UUID conferenceId = UUID.randomUUID();
        String slug = "conf" + SLUGS.incrementAndGet() + "_" + conferenceId.toString().substring(0, 8);
        long version = 0;
        conferenceEvent(conferenceId, ++version, new ConferenceCreated(conferenceId, slug, "Conference " + slug,
                "A test conference", "Online", null, null, START, END, "Owner", "owner@example.org", reservationHold,
                offerHold, null));
        List<UUID> ids = new ArrayList<>();
        for (SeatTypeSpec seatType : seatTypes) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            conferenceEvent(conferenceId, ++version, new SeatCreated(conferenceId, id, seatType.name(),
                    seatType.name() + " seats", seatType.quantity(), seatType.price()));
        }
        if (publish) conferenceEvent(conferenceId, ++version, new ConferencePublished(conferenceId));
        return new PublishedConference(conferenceId, slug, ids, List.of(seatTypes));
    }

    /** ConferenceUnpublished for a conference {@link #publishConference} published: the owner takes it off sale. */
    public void unpublishConference(PublishedConference conference) {
        long published = 2L + conference.seatTypes().size(); // ConferenceCreated, a SeatCreated each, ConferencePublished
        conferenceEvent(conference.id(), published + 1, new ConferenceUnpublished(conference.id()));
    }

    /** ConferenceUpdated for a conference {@link #publishConference} published: the owner changed its holds. */
    public void holdsChanged(PublishedConference conference, long version, Duration reservationHold,
                             Duration offerHold) {
        conferenceEvent(conference.id(), version, new ConferenceUpdated(conference.id(), conference.slug(),
                "Conference " + conference.slug(), "A test conference", "Online", null, null, START, END, "Owner",
                "owner@example.org", reservationHold, offerHold, null));
    }

    /** ConferenceUpdated: the owner changed the registrants' cancellation cut-off (days before the start). */
    public void cancellationCutoffChanged(PublishedConference conference, long version, int days) {
        conferenceEvent(conference.id(), version, new ConferenceUpdated(conference.id(), conference.slug(),
                "Conference " + conference.slug(), "A test conference", "Online", null, null, START, END, "Owner",
                "owner@example.org", null, null, days));
    }

    /** The conference's owner cancels an order, as Conference Management sends it (issue 16). */
    public void ownerCancels(UUID conferenceId, UUID orderId) {
        publisher.send(prefix + Topics.REGISTRATION_PROCESS_COMMANDS, Envelope.of(
                new CancelOrder(orderId, conferenceId, OrderCancelled.CancelledBy.OWNER), orderId));
    }

    /** SeatUpdated for a seat type {@link #publishConference} published: the owner changed its quantity. */
    public void quantityChanged(PublishedConference conference, long version, int seatType, int quantity) {
        SeatTypeSpec spec = conference.specs().get(seatType);
        conferenceEvent(conference.id(), version, new SeatUpdated(conference.id(), conference.seatTypes().get(seatType),
                spec.name(), spec.name() + " seats", quantity, spec.price()));
    }

    public void conferenceEvent(UUID conferenceId, long version, Message event) {
        publisher.send(prefix + Topics.CONFERENCE_EVENTS, Envelope.of(event, conferenceId, version));
    }

    /** A promotional code's full definition, as Conference Management sends it on creation and every change. */
    public void promotionalCodeDefined(PromotionalCodeDefined definition) {
        conferenceEvent(definition.conferenceId(), Envelope.UNVERSIONED, definition);
    }

    /** A payment of an order completed, as payments-service publishes it. */
    public UUID paymentCompleted(UUID orderId, UUID conferenceId, Money amount) {
        UUID paymentId = UUID.randomUUID();
        publisher.send(prefix + Topics.PAYMENTS_EVENTS,
                Envelope.of(new PaymentCompleted(paymentId, orderId, conferenceId, amount), paymentId, 2));
        return paymentId;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
