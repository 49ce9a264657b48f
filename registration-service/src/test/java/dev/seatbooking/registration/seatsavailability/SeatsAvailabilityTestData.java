package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AcceptWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ExpireWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One conference selling GENERAL and WORKSHOP seats to ORDER and OTHER_ORDER. */
final class SeatsAvailabilityTestData {

    static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID GENERAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID WORKSHOP = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID NOT_SOLD_HERE = UUID.fromString("00000000-0000-0000-0000-000000000099");
    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID OTHER_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static final UUID ENTRY = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID SECOND_ENTRY = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    static final UUID THIRD_ENTRY = UUID.fromString("00000000-0000-0000-0000-0000000000e3");

    static final Instant NOW = Instant.parse("2025-05-01T09:00:00Z");
    /** When an offer made {@link #NOW} lapses: the default offer hold, 24 hours. */
    static final Instant OFFER_END = NOW.plus(Duration.ofHours(24));
    /** A reservation command's time-to-live: the order's hold (15 minutes) plus one minute. */
    static final Instant TIME_TO_LIVE_END = NOW.plus(Duration.ofMinutes(16));

    private SeatsAvailabilityTestData() {
    }

    static SeatQuantity seat(UUID seatType, int quantity) {
        return new SeatQuantity(seatType, quantity);
    }

    /** A signed change of the seats on sale. */
    static SeatQuantity change(UUID seatType, int delta) {
        return new SeatQuantity(seatType, delta);
    }

    // Commands

    static MakeSeatReservation makeReservation(UUID reservation, SeatQuantity... seats) {
        return new MakeSeatReservation(CONFERENCE, reservation, Arrays.asList(seats), TIME_TO_LIVE_END);
    }

    static CancelSeatReservation cancelReservation(UUID reservation) {
        return new CancelSeatReservation(CONFERENCE, reservation);
    }

    static CommitSeatReservation commitReservation(UUID reservation) {
        return new CommitSeatReservation(CONFERENCE, reservation);
    }

    static AddSeats addSeats(UUID seatType, int quantity) {
        return new AddSeats(CONFERENCE, seatType, quantity);
    }

    static RemoveSeats removeSeats(UUID seatType, int quantity) {
        return new RemoveSeats(CONFERENCE, seatType, quantity);
    }

    static JoinWaitlist joinWaitlist(UUID entry, UUID seatType, int quantity) {
        return new JoinWaitlist(CONFERENCE, entry, seatType, quantity);
    }

    static LeaveWaitlist leaveWaitlist(UUID entry) {
        return new LeaveWaitlist(CONFERENCE, entry);
    }

    static ExpireWaitlistOffer expireOffer(UUID entry) {
        return new ExpireWaitlistOffer(CONFERENCE, entry);
    }

    static AcceptWaitlistOffer acceptOffer(UUID entry, UUID order) {
        return new AcceptWaitlistOffer(CONFERENCE, entry, order);
    }

    // Events

    static WaitlistJoined joined(UUID entry, UUID seatType, int quantity) {
        return new WaitlistJoined(CONFERENCE, entry, seatType, quantity);
    }

    /** {@code offered} seats (in all) held for the entry, straight from seats that came back (never on sale). */
    static WaitlistOfferMade offerMade(UUID entry, UUID seatType, int offered) {
        return new WaitlistOfferMade(CONFERENCE, entry, seat(seatType, offered), List.of(), OFFER_END);
    }

    /** {@code offered} seats held for the entry, taken off sale. */
    static WaitlistOfferMade offerMadeFromSale(UUID entry, UUID seatType, int offered) {
        return new WaitlistOfferMade(CONFERENCE, entry, seat(seatType, offered), List.of(change(seatType, -offered)),
                OFFER_END);
    }

    static AvailableSeatsChanged seatsAdded(UUID seatType, int quantity) {
        return new AvailableSeatsChanged(CONFERENCE, List.of(change(seatType, quantity)));
    }

    static AvailableSeatsChanged seatsRemoved(UUID seatType, int quantity) {
        return new AvailableSeatsChanged(CONFERENCE, List.of(change(seatType, -quantity)));
    }

    /** The owner lowered a quota: {@code removed} seats came off sale, {@code owed} could not (held or sold). */
    static AvailableSeatsChanged quotaLowered(UUID seatType, int removed, int owed) {
        return new AvailableSeatsChanged(CONFERENCE, removed == 0 ? List.of() : List.of(change(seatType, -removed)),
                List.of(change(seatType, owed)));
    }

    /** A signed change of the seats owed by a lowered quota. */
    static List<SeatQuantity> owedChanged(SeatQuantity... changes) {
        return Arrays.asList(changes);
    }

    /** A reservation holding {@code seats}; pair with {@link #availabilityChanged}. */
    static SeatsReserved seatsReserved(UUID reservation, List<SeatQuantity> seats, List<SeatQuantity> changes) {
        return new SeatsReserved(CONFERENCE, reservation, seats, changes);
    }

    /** A first reservation of one seat type: the seats on sale drop by as many. */
    static SeatsReserved seatsReserved(UUID reservation, UUID seatType, int quantity) {
        return seatsReserved(reservation, holding(seat(seatType, quantity)), availabilityChanged(change(seatType, -quantity)));
    }

    static List<SeatQuantity> holding(SeatQuantity... seats) {
        return Arrays.asList(seats);
    }

    static List<SeatQuantity> availabilityChanged(SeatQuantity... changes) {
        return Arrays.asList(changes);
    }

    static SeatsReservationCancelled reservationCancelled(UUID reservation, SeatQuantity... released) {
        return new SeatsReservationCancelled(CONFERENCE, reservation, Arrays.asList(released));
    }

    static SeatsReservationCommitted reservationCommitted(UUID reservation) {
        return new SeatsReservationCommitted(CONFERENCE, reservation);
    }
}
