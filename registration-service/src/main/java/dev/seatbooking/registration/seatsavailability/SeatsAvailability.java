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
 * <p>Invariant: a seat is either on sale, held by one reservation, or sold; the seats on sale never go below zero.
 */
public final class SeatsAvailability implements Aggregate<SeatsAvailabilityEvent> {

    /** How a snapshot is taken and restored; see {@link SeatsAvailabilitySnapshot}. */
    public static final SeatsAvailabilitySnapshot.Snapshots SNAPSHOTS = new SeatsAvailabilitySnapshot.Snapshots();

    private final UUID conferenceId;
    final Map<UUID, Integer> remaining = new LinkedHashMap<>();
    final Map<UUID, List<SeatQuantity>> pending = new LinkedHashMap<>();

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
        List<SeatQuantity> availabilityChange = new ArrayList<>();
        for (UUID seatType : seatTypes) {
            int alreadyHeld = held.of(seatType);
            int actual = Math.min(wanted.of(seatType), remaining.get(seatType) + alreadyHeld);
            if (actual != 0) reserved.add(new SeatQuantity(seatType, actual));
            if (actual != alreadyHeld) availabilityChange.add(new SeatQuantity(seatType, alreadyHeld - actual));
        }
        return List.of(new SeatsReserved(conferenceId, command.reservationId(), reserved, availabilityChange));
    }

    /** Puts a pending reservation's seats back on sale. An unknown (or already ended) reservation: nothing to do. */
    public List<SeatsAvailabilityEvent> cancelReservation(CancelSeatReservation command) {
        requireThisConference(command.conferenceId());
        List<SeatQuantity> held = pending.get(command.reservationId());
        if (held == null) return List.of();
        return List.of(new SeatsReservationCancelled(conferenceId, command.reservationId(), held));
    }

    /** Sells a pending reservation's seats for good. An unknown (or already ended) reservation: nothing to do. */
    public List<SeatsAvailabilityEvent> commitReservation(CommitSeatReservation command) {
        requireThisConference(command.conferenceId());
        if (!pending.containsKey(command.reservationId())) return List.of();
        return List.of(new SeatsReservationCommitted(conferenceId, command.reservationId()));
    }

    /** More seats of a type go on sale; the first AddSeats of a type (even of 0) makes the type known. */
    public List<SeatsAvailabilityEvent> addSeats(AddSeats command) {
        requireThisConference(command.conferenceId());
        if (command.quantity() == 0 && remaining.containsKey(command.seatTypeId())) return List.of();
        return List.of(new AvailableSeatsChanged(conferenceId, List.of(new SeatQuantity(command.seatTypeId(),
                command.quantity()))));
    }

    /**
     * Takes seats of a type off sale, at most as many as are on sale: seats held by a reservation or sold are never
     * taken back, so the seats on sale never go below zero.
     */
    public List<SeatsAvailabilityEvent> removeSeats(RemoveSeats command) {
        requireThisConference(command.conferenceId());
        int removable = Math.min(command.quantity(), remaining.getOrDefault(command.seatTypeId(), 0));
        if (removable == 0) return List.of();
        return List.of(new AvailableSeatsChanged(conferenceId, List.of(new SeatQuantity(command.seatTypeId(),
                -removable))));
    }

    @Override
    public void apply(SeatsAvailabilityEvent event) {
        switch (event) {
            case SeatsReserved e -> {
                if (e.reservationDetails().isEmpty()) pending.remove(e.reservationId());
                else pending.put(e.reservationId(), e.reservationDetails());
                change(e.availableSeatsChanged());
            }
            case SeatsReservationCancelled e -> {
                pending.remove(e.reservationId());
                change(e.availableSeatsChanged());
            }
            case SeatsReservationCommitted e -> pending.remove(e.reservationId());
            case AvailableSeatsChanged e -> change(e.seats());
        }
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    /** Seats of this type on sale now; 0 for a type never announced. */
    public int remaining(UUID seatTypeId) {
        return remaining.getOrDefault(seatTypeId, 0);
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

    private void requireThisConference(UUID commandConference) {
        if (!conferenceId.equals(commandConference)) {
            throw new IllegalArgumentException("command for conference " + commandConference + " sent to " + conferenceId);
        }
    }
}
