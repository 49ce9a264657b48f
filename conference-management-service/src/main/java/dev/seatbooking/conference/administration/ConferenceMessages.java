package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.promotion.CodeTerms;
import dev.seatbooking.conference.promotion.PromotionalCode;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;

/** The integration events' view of a conference (never its access code). */
final class ConferenceMessages {

    private ConferenceMessages() {
    }

    static ConferenceCreated created(Conference c) {
        ConferenceDetails d = c.details();
        return new ConferenceCreated(c.id(), d.slug(), d.name(), d.description(), d.location(), d.tagline(),
                d.twitterSearch(), d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(), d.reservationHold(),
                d.offerHold(), d.cancellationCutoffDays());
    }

    static ConferenceUpdated updated(Conference c) {
        ConferenceDetails d = c.details();
        return new ConferenceUpdated(c.id(), d.slug(), d.name(), d.description(), d.location(), d.tagline(),
                d.twitterSearch(), d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(), d.reservationHold(),
                d.offerHold(), d.cancellationCutoffDays());
    }

    static SeatCreated seatCreated(Conference c, SeatType s) {
        return new SeatCreated(c.id(), s.id(), s.name(), s.description(), s.quantity(), s.price());
    }

    static SeatUpdated seatUpdated(Conference c, SeatType s) {
        return new SeatUpdated(c.id(), s.id(), s.name(), s.description(), s.quantity(), s.price());
    }

    /** A code's full current definition, whatever changed. */
    static PromotionalCodeDefined codeDefined(PromotionalCode code) {
        CodeTerms t = code.terms();
        return new PromotionalCodeDefined(code.conferenceId(), code.id(), code.code(), t.discount(), t.scope(),
                t.usageLimit(), t.validFrom(), t.validUntil(), t.exclusive(), code.isEnabled());
    }
}
