package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Snapshotting;

import java.util.List;
import java.util.UUID;

/**
 * The whole state of a {@link SeatsAvailability}, as a plain record stored as JSON (the book's memento): lists
 * rather than maps, so the JSON reads well and keeps the order of seat types and reservations.
 */
public record SeatsAvailabilitySnapshot(List<SeatQuantity> remaining, List<PendingReservation> pendingReservations,
                                        List<SeatQuantity> owed) {

    public record PendingReservation(UUID reservationId, List<SeatQuantity> seats) {
        public PendingReservation {
            seats = List.copyOf(seats);
        }
    }

    public SeatsAvailabilitySnapshot {
        remaining = List.copyOf(remaining);
        pendingReservations = List.copyOf(pendingReservations);
        owed = List.copyOf(owed);
    }

    /** Raise {@link #schemaVersion()} whenever the record or its meaning changes: older snapshots are then ignored. */
    public static final class Snapshots implements Snapshotting<SeatsAvailability, SeatsAvailabilitySnapshot> {

        Snapshots() {
        }

        @Override
        public Class<SeatsAvailabilitySnapshot> snapshotType() {
            return SeatsAvailabilitySnapshot.class;
        }

        /** 2: the seats owed by a lowered quota ({@code owed}); a version 1 snapshot is ignored, the stream replayed. */
        @Override
        public int schemaVersion() {
            return 2;
        }

        @Override
        public SeatsAvailabilitySnapshot take(SeatsAvailability availability) {
            return new SeatsAvailabilitySnapshot(availability.remainingSeats(),
                    availability.pending.entrySet().stream()
                            .map(e -> new PendingReservation(e.getKey(), e.getValue()))
                            .toList(),
                    availability.owed.entrySet().stream().map(e -> new SeatQuantity(e.getKey(), e.getValue())).toList());
        }

        /**
         * The open reservations: a conference selling fast holds hundreds of thousands, and a snapshot of them all
         * after every hundred orders would cost more than the orders.
         */
        @Override
        public int size(SeatsAvailability availability) {
            return availability.pending.size() + availability.remaining.size() + availability.owed.size();
        }

        @Override
        public SeatsAvailability restore(UUID conferenceId, SeatsAvailabilitySnapshot snapshot) {
            SeatsAvailability availability = new SeatsAvailability(conferenceId);
            snapshot.remaining().forEach(s -> availability.remaining.put(s.seatTypeId(), s.quantity()));
            snapshot.pendingReservations().forEach(r -> availability.pending.put(r.reservationId(), r.seats()));
            snapshot.owed().forEach(s -> availability.owed.put(s.seatTypeId(), s.quantity()));
            return availability;
        }
    }
}
