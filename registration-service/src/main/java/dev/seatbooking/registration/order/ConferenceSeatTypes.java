package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.conference.ReservationHold;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a conference sells right now, as Conference Management last announced it (ConferenceCreated/Updated for the
 * hold, ConferencePublished/Unpublished, SeatCreated/SeatUpdated for the seat types). The service keeps it in a
 * table; an order is priced with it when it is placed, updated or only partly reserved.
 *
 * @param reservationHold how long a new order's seats are held; {@code null} means {@link ReservationHold#DEFAULT}
 * @param offerHold       how long seats offered to a waitlist entry are held for it; {@code null} means
 *                        {@link OfferHold#DEFAULT}
 */
public record ConferenceSeatTypes(UUID conferenceId, boolean published, Duration reservationHold, Duration offerHold,
                                  List<SeatType> seatTypes) {

    /** @param name what an order line shows for it, as the book's pricing service did */
    public record SeatType(UUID id, String name, Money price) {
        public SeatType {
            Require.nonNull(id, "id");
            Require.text(name, "name");
            Require.nonNull(price, "price");
        }
    }

    public ConferenceSeatTypes {
        Require.nonNull(conferenceId, "conferenceId");
        reservationHold = ReservationHold.orDefault(reservationHold).duration();
        offerHold = OfferHold.orDefault(offerHold).duration();
        seatTypes = Require.list(seatTypes, "seatTypes");
        var ids = new HashSet<UUID>();
        for (SeatType seatType : seatTypes) {
            if (!ids.add(seatType.id())) {
                throw new IllegalArgumentException("seat type " + seatType.id() + " is listed twice");
            }
        }
    }

    public Optional<SeatType> find(UUID seatTypeId) {
        return seatTypes.stream().filter(s -> s.id().equals(seatTypeId)).findFirst();
    }
}
