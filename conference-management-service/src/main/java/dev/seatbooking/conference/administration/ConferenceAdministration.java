package dev.seatbooking.conference.administration;

import dev.seatbooking.eventsourcing.correlation.Correlation;

import dev.seatbooking.conference.domain.AccessCode;
import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.conference.domain.ConferenceRejection;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.domain.SeatTypeDetails;
import dev.seatbooking.conference.domain.SoldSeats;
import dev.seatbooking.conference.promotion.PromotionalCode;
import dev.seatbooking.conference.promotion.PromotionalCodeRejection;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an owner can do to a conference. Each method is one transaction: it locks the conference, changes it, and
 * writes the integration events the change causes to the outbox, all or nothing.
 * <p>
 * Events, as in the RI's {@code ConferenceService}: ConferenceCreated on creation; ConferenceUpdated when the
 * details change; ConferencePublished / ConferenceUnpublished when the publication state changes; seat-type events
 * only once the conference has been published at least once: the first publication announces every seat type
 * (SeatCreated each, then PromotionalCodeDefined for each promotional code, before ConferencePublished), later
 * additions SeatCreated, later edits SeatUpdated. A change that changes nothing announces nothing.
 * <p>
 * The conference's one currency is that of its seat types and of its fixed-amount promotional codes alike.
 */
@Service
@Transactional
public class ConferenceAdministration {

    /** A new conference and its access code, which is shown this once and never stored. */
    public record Created(Conference conference, String accessCode) {
    }

    /**
     * A seat type as a change left it.
     *
     * @param eventVersion the conference's event version after the change (for the consistency token)
     */
    public record SeatTypeChange(SeatType seatType, long eventVersion) {
    }

    private final ConferenceRepository conferences;
    private final ConferenceEventOutbox outbox;
    private final PromotionalCodeRepository codes;
    private final SoldSeats soldSeats;
    private final Clock clock;

    public ConferenceAdministration(ConferenceRepository conferences, ConferenceEventOutbox outbox,
                                    PromotionalCodeRepository codes, SoldSeats soldSeats, Clock clock) {
        this.conferences = conferences;
        this.outbox = outbox;
        this.codes = codes;
        this.soldSeats = soldSeats;
        this.clock = clock;
    }

    /**
     * @param conferenceId the client's id for it (a replayed create then creates nothing twice), or null
     */
    public Created create(UUID conferenceId, ConferenceDetails details) {
        UUID id = conferenceId != null ? conferenceId : UUID.randomUUID();
        if (conferences.existsById(id)) throw new ConferenceRejection.ConferenceAlreadyExists(id);
        if (conferences.existsBySlug(details.slug())) throw new ConferenceRejection.SlugTaken(details.slug());
        String accessCode = AccessCode.generate();
        Conference conference = new Conference(id, details, AccessCode.hash(accessCode), now());
        conferences.save(conference);
        outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.created(conference));
        flush(conference);
        return new Created(conference, accessCode);
    }

    @Transactional(readOnly = true)
    public Conference get(UUID conferenceId) {
        return conferences.findById(conferenceId)
                .orElseThrow(() -> new ConferenceRejection.ConferenceNotFound(conferenceId));
    }

    public Conference update(UUID conferenceId, ConferenceDetails details) {
        Conference conference = conferences.lockForChange(conferenceId);
        if (!conference.slug().equals(details.slug()) && conferences.existsBySlugAndIdNot(details.slug(), conferenceId)) {
            throw new ConferenceRejection.SlugTaken(details.slug());
        }
        if (conference.update(details, now())) {
            outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.updated(conference));
            flush(conference);
        }
        return conference;
    }

    public Conference publish(UUID conferenceId) {
        Conference conference = conferences.lockForChange(conferenceId);
        UUID correlationId = Correlation.currentOrNew();
        switch (conference.publish(now())) {
            case FIRST -> {
                for (SeatType seatType : conference.seatTypes()) {
                    outbox.announce(conference, correlationId, ConferenceMessages.seatCreated(conference, seatType));
                }
                for (PromotionalCode code : codes.findByConference(conferenceId)) {
                    outbox.announce(conference, correlationId, ConferenceMessages.codeDefined(code));
                }
                outbox.announce(conference, correlationId, new ConferencePublished(conferenceId));
            }
            case AGAIN -> outbox.announce(conference, correlationId, new ConferencePublished(conferenceId));
            case UNCHANGED -> {
                // published already: nothing to announce
            }
        }
        return conference;
    }

    public Conference unpublish(UUID conferenceId) {
        Conference conference = conferences.lockForChange(conferenceId);
        if (conference.unpublish(now())) {
            outbox.announce(conference, Correlation.currentOrNew(), new ConferenceUnpublished(conferenceId));
        }
        return conference;
    }

    /** @param seatTypeId the client's id for it (a replayed add then adds nothing twice), or null */
    public SeatTypeChange addSeatType(UUID conferenceId, UUID seatTypeId, SeatTypeDetails details) {
        Conference conference = conferences.lockForChange(conferenceId);
        requireCodesCurrency(conferenceId, details.price().currency());
        SeatType seatType = conference.addSeatType(seatTypeId != null ? seatTypeId : UUID.randomUUID(), details, now());
        if (conference.wasEverPublished()) {
            outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.seatCreated(conference, seatType));
        }
        try {
            conferences.flush();
        } catch (DataIntegrityViolationException e) {
            // the id is another conference's seat type
            throw new ConferenceRejection.SeatTypeAlreadyExists(seatType.id());
        }
        return new SeatTypeChange(seatType, conference.eventVersion());
    }

    public SeatTypeChange updateSeatType(UUID conferenceId, UUID seatTypeId, SeatTypeDetails details) {
        Conference conference = conferences.lockForChange(conferenceId);
        int sold = soldSeats.soldOf(seatTypeId);
        if (conference.seatType(seatTypeId).isPresent()) requireCodesCurrency(conferenceId, details.price().currency());
        boolean changed = conference.updateSeatType(seatTypeId, details, sold, now());
        SeatType seatType = conference.seatType(seatTypeId).orElseThrow();
        if (changed && conference.wasEverPublished()) {
            outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.seatUpdated(conference, seatType));
        }
        return new SeatTypeChange(seatType, conference.eventVersion());
    }

    public Conference removeSeatType(UUID conferenceId, UUID seatTypeId) {
        Conference conference = conferences.lockForChange(conferenceId);
        List<String> scoping = codes.codesScoping(seatTypeId);
        if (!scoping.isEmpty() && !conference.wasEverPublished() && conference.seatType(seatTypeId).isPresent()) {
            throw new PromotionalCodeRejection.SeatTypeInScope(seatTypeId, scoping);
        }
        conference.removeSeatType(seatTypeId, now());
        return conference;
    }

    /** Fixed-amount codes are taken from orders' totals: in the seat types' currency, which they also bind. */
    private void requireCodesCurrency(UUID conferenceId, String currency) {
        codes.fixedAmountCurrencies(conferenceId).stream().filter(c -> !c.equals(currency)).findFirst()
                .ifPresent(c -> {
                    throw new ConferenceRejection.CurrencyMismatch("fixed-amount promotional codes are", c, currency);
                });
    }

    /** A slug or conference id that a concurrent transaction took is a rejection, not an error at commit. */
    private void flush(Conference conference) {
        UniqueKeys.flush(conferences, Map.of(
                "conferences_slug_unique", () -> new ConferenceRejection.SlugTaken(conference.slug()),
                "conferences_pkey", () -> new ConferenceRejection.ConferenceAlreadyExists(conference.id())));
    }

    private Instant now() {
        return clock.instant();
    }
}
