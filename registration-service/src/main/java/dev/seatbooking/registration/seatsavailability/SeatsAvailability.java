package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.registration.SeatQuantities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The seats of one conference (stream id = conference id): how many of each seat type are still on sale, and which
 * are held by pending reservations (reservation id = order id). Every order of the conference goes through it, so
 * it has a single writer and snapshots ({@link #SNAPSHOTS}).
 *
 * <p>Invariant, per seat type: a seat is either on sale, held by one reservation, or sold, and
 * {@code on sale + held + sold == quota + owed} (quota: the owner's, every AddSeats minus every RemoveSeats). The
 * seats on sale never go below zero; seats are <em>owed</em> only while none is on sale: when the owner lowers a
 * quota below the seats held and sold, the part that could not be taken off sale is remembered, and the first seats
 * that come back pay it off before any goes back on sale. So the seats on sale are always exactly
 * {@code max(0, quota - held - sold)}.
 */
public final class SeatsAvailability implements Aggregate<SeatsAvailabilityEvent> {

    /** How a snapshot is taken and restored; see {@link SeatsAvailabilitySnapshot}. */
    public static final SeatsAvailabilitySnapshot.Snapshots SNAPSHOTS = new SeatsAvailabilitySnapshot.Snapshots();

    private final UUID conferenceId;
    final Map<UUID, Integer> remaining = new LinkedHashMap<>();
    final Map<UUID, List<SeatQuantity>> pending = new LinkedHashMap<>();
    /** Seats per type still to be taken off sale from a lowered quota; a type owing nothing is absent. */
    final Map<UUID, Integer> owed = new LinkedHashMap<>();

    public SeatsAvailability(UUID conferenceId) {
        this.conferenceId = Objects.requireNonNull(conferenceId, "conferenceId");
    }

    /**
     * Reserves for each seat type {@code min(wanted, remaining + what this reservation already holds)}. Made again
     * for the same reservation (the order was updated), it replaces the previous one: seat types left out are
     * released. Always answers with SeatsReserved, even when nothing changed, because the process waits for it.
     *
     * @param now a command still queued after its time-to-live does nothing: its order's hold is over, and reserving
     *            now would take seats from registrants who can still buy them
     */
    public List<SeatsAvailabilityEvent> makeReservation(MakeSeatReservation command, Instant now) {
        requireThisConference(command.conferenceId());
        if (command.isExpiredAt(now)) return List.of();
        Set<UUID> seatTypes = new LinkedHashSet<>(); // as the command names them, a line of 0 included
        for (SeatQuantity seat : command.seats()) {
            if (seat.quantity() < 0) throw new SeatsAvailabilityRejection.InvalidSeatQuantity(seat.seatTypeId(), seat.quantity());
            if (!remaining.containsKey(seat.seatTypeId())) {
                throw new SeatsAvailabilityRejection.UnknownSeatType(conferenceId, seat.seatTypeId());
            }
            seatTypes.add(seat.seatTypeId());
        }
        SeatQuantities wanted = SeatQuantities.of(command.seats());
        SeatQuantities held = SeatQuantities.of(pending.getOrDefault(command.reservationId(), List.of()));
        seatTypes.addAll(held.seatTypes()); // held but no longer wanted: released below

        List<SeatQuantity> reserved = new ArrayList<>();
        SeatChanges changes = new SeatChanges();
        for (UUID seatType : seatTypes) {
            int alreadyHeld = held.of(seatType);
            int actual = Math.min(wanted.of(seatType), remaining.get(seatType) + alreadyHeld);
            if (actual != 0) reserved.add(new SeatQuantity(seatType, actual));
            if (actual > alreadyHeld) changes.taken(seatType, actual - alreadyHeld);
            else changes.add(seatType, alreadyHeld - actual);
        }
        return List.of(new SeatsReserved(conferenceId, command.reservationId(), reserved, changes.onSale,
                changes.owedPaidOff));
    }

    /** Puts a pending reservation's seats back on sale. An unknown (or already ended) reservation: nothing to do. */
    public List<SeatsAvailabilityEvent> cancelReservation(CancelSeatReservation command) {
        requireThisConference(command.conferenceId());
        List<SeatQuantity> held = pending.get(command.reservationId());
        if (held == null) return List.of();
        SeatChanges changes = new SeatChanges();
        held.forEach(seat -> changes.add(seat.seatTypeId(), seat.quantity()));
        return List.of(new SeatsReservationCancelled(conferenceId, command.reservationId(), changes.onSale,
                changes.owedPaidOff));
    }

    /** Sells a pending reservation's seats for good. An unknown (or already ended) reservation: nothing to do. */
    public List<SeatsAvailabilityEvent> commitReservation(CommitSeatReservation command) {
        requireThisConference(command.conferenceId());
        if (!pending.containsKey(command.reservationId())) return List.of();
        return List.of(new SeatsReservationCommitted(conferenceId, command.reservationId()));
    }

    /**
     * The owner raised a quota: the added seats first pay off what a lowered quota still owes, the rest go on sale.
     * The first AddSeats of a type (even of 0) makes the type known.
     */
    public List<SeatsAvailabilityEvent> addSeats(AddSeats command) {
        requireThisConference(command.conferenceId());
        UUID seatType = command.seatTypeId();
        if (command.quantity() == 0 && remaining.containsKey(seatType)) return List.of();
        SeatChanges changes = new SeatChanges();
        // A new type (which owes nothing) is announced even with 0 seats: that makes it known.
        if (!remaining.containsKey(seatType)) changes.onSale.add(new SeatQuantity(seatType, command.quantity()));
        else changes.add(seatType, command.quantity());
        return List.of(new AvailableSeatsChanged(conferenceId, changes.onSale, changes.owedPaidOff));
    }

    /**
     * The owner lowered a quota: seats of the type come off sale, at most as many as are on sale, because seats held
     * by a reservation or sold are never taken back. The rest is owed: the first seats that come back pay it off.
     */
    public List<SeatsAvailabilityEvent> removeSeats(RemoveSeats command) {
        requireThisConference(command.conferenceId());
        UUID seatType = command.seatTypeId();
        if (command.quantity() == 0 || !remaining.containsKey(seatType)) return List.of();
        int removable = Math.min(command.quantity(), remaining.get(seatType));
        int unpaid = command.quantity() - removable;
        return List.of(new AvailableSeatsChanged(conferenceId,
                removable == 0 ? List.of() : List.of(new SeatQuantity(seatType, -removable)),
                unpaid == 0 ? List.of() : List.of(new SeatQuantity(seatType, unpaid))));
    }

    @Override
    public void apply(SeatsAvailabilityEvent event) {
        switch (event) {
            case SeatsReserved e -> {
                if (e.reservationDetails().isEmpty()) pending.remove(e.reservationId());
                else pending.put(e.reservationId(), e.reservationDetails());
                change(e.availableSeatsChanged());
                changeOwed(e.seatsOwedChanged());
            }
            case SeatsReservationCancelled e -> {
                pending.remove(e.reservationId());
                change(e.availableSeatsChanged());
                changeOwed(e.seatsOwedChanged());
            }
            case SeatsReservationCommitted e -> pending.remove(e.reservationId());
            case AvailableSeatsChanged e -> {
                change(e.seats());
                changeOwed(e.seatsOwedChanged());
            }
        }
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    /** Seats of this type on sale now; 0 for a type never announced. */
    public int remaining(UUID seatTypeId) {
        return remaining.getOrDefault(seatTypeId, 0);
    }

    /** Seats of this type a lowered quota still has to take off sale; 0 while none is owed. */
    public int owed(UUID seatTypeId) {
        return owed.getOrDefault(seatTypeId, 0);
    }

    /** The seats on sale per seat type, in the order the types were announced. */
    public List<SeatQuantity> remainingSeats() {
        return remaining.entrySet().stream().map(e -> new SeatQuantity(e.getKey(), e.getValue())).toList();
    }

    /** The seats a pending reservation holds; empty once cancelled, committed or never made. */
    public Optional<List<SeatQuantity>> reservation(UUID reservationId) {
        return Optional.ofNullable(pending.get(reservationId));
    }

    private void change(List<SeatQuantity> deltas) {
        for (SeatQuantity delta : deltas) remaining.merge(delta.seatTypeId(), delta.quantity(), Integer::sum);
    }

    /** A type that owes nothing any more leaves {@link #owed}, so that snapshots list only what is owed. */
    private void changeOwed(List<SeatQuantity> deltas) {
        for (SeatQuantity delta : deltas) {
            owed.merge(delta.seatTypeId(), delta.quantity(), (was, change) -> was + change == 0 ? null : was + change);
        }
    }

    /**
     * The changes of one decision. Seats coming back (released by a reservation, or added by the owner) are split as
     * they must go: what the type owes is paid off first (negative deltas of the seats owed), the rest goes on sale
     * (positive deltas). Seats taken by a reservation come off sale (negative deltas).
     */
    private final class SeatChanges {
        final List<SeatQuantity> onSale = new ArrayList<>();
        final List<SeatQuantity> owedPaidOff = new ArrayList<>();

        void add(UUID seatType, int seats) {
            int paidOff = Math.min(seats, owed(seatType));
            if (paidOff > 0) owedPaidOff.add(new SeatQuantity(seatType, -paidOff));
            if (seats > paidOff) onSale.add(new SeatQuantity(seatType, seats - paidOff));
        }

        void taken(UUID seatType, int seats) {
            onSale.add(new SeatQuantity(seatType, -seats));
        }
    }

    private void requireThisConference(UUID commandConference) {
        if (!conferenceId.equals(commandConference)) {
            throw new IllegalArgumentException("command for conference " + commandConference + " sent to " + conferenceId);
        }
    }
}
