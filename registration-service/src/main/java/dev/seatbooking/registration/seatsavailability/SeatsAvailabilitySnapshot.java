package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Snapshotting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of a {@link SeatsAvailability}, as a plain record stored as JSON (the book's memento): lists
 * rather than maps, so the JSON reads well and keeps the order of seat types and reservations.
 */
public record SeatsAvailabilitySnapshot(List<SeatQuantity> remaining, List<PendingReservation> pendingReservations,
                                        List<SeatQuantity> owed, List<WaitlistEntry> waitlist) {

    /**
     * One waitlist entry, in join order.
     *
     * @param offered        seats offered to it now (0: none yet)
     * @param offerExpiresAt null while it has no offer
     */
    public record WaitlistEntry(UUID entryId, UUID seatTypeId, int quantity, int offered, Instant offerExpiresAt) {
    }

    public record PendingReservation(UUID reservationId, List<SeatQuantity> seats) {
        public PendingReservation {
            seats = List.copyOf(seats);
        }
    }

    public SeatsAvailabilitySnapshot {
        remaining = List.copyOf(remaining);
        pendingReservations = List.copyOf(pendingReservations);
        owed = List.copyOf(owed);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist); // absent from version 2: nobody waited
    }

    /** Raise {@link #schemaVersion()} whenever the record or its meaning changes: older snapshots are then ignored. */
    public static final class Snapshots implements Snapshotting<SeatsAvailability, SeatsAvailabilitySnapshot> {

        Snapshots() {
        }

        @Override
        public Class<SeatsAvailabilitySnapshot> snapshotType() {
            return SeatsAvailabilitySnapshot.class;
        }

        /**
         * 2: the seats owed by a lowered quota ({@code owed}); 3: the waitlist. A snapshot of an older version is
         * ignored and the stream replayed (a version 2 one would still read, with nobody waiting).
         */
        @Override
        public int schemaVersion() {
            return 3;
        }

        @Override
        public SeatsAvailabilitySnapshot take(SeatsAvailability availability) {
            return new SeatsAvailabilitySnapshot(availability.remainingSeats(),
                    availability.pending.entrySet().stream()
                            .map(e -> new PendingReservation(e.getKey(), e.getValue()))
                            .toList(),
                    availability.owed.entrySet().stream().map(e -> new SeatQuantity(e.getKey(), e.getValue())).toList(),
                    availability.waitlist.entries.values().stream().map(e -> new WaitlistEntry(e.entryId(), e.seatTypeId(),
                            e.quantity(), availability.waitlist.offered(e.entryId()),
                            availability.waitlist.offer(e.entryId()).map(Waitlist.Offer::expiresAt).orElse(null))).toList());
        }

        /**
         * The open reservations: a conference selling fast holds hundreds of thousands, and a snapshot of them all
         * after every hundred orders would cost more than the orders.
         */
        @Override
        public int size(SeatsAvailability availability) {
            return availability.pending.size() + availability.remaining.size() + availability.owed.size()
                    + availability.waitlist.entries.size();
        }

        @Override
        public SeatsAvailability restore(UUID conferenceId, SeatsAvailabilitySnapshot snapshot) {
            SeatsAvailability availability = new SeatsAvailability(conferenceId);
            snapshot.remaining().forEach(s -> availability.remaining.put(s.seatTypeId(), s.quantity()));
            snapshot.pendingReservations().forEach(r -> availability.pending.put(r.reservationId(), r.seats()));
            snapshot.owed().forEach(s -> availability.owed.put(s.seatTypeId(), s.quantity()));
            for (WaitlistEntry e : snapshot.waitlist()) {
                availability.waitlist.join(new Waitlist.Entry(e.entryId(), e.seatTypeId(), e.quantity()));
                if (e.offerExpiresAt() != null) {
                    availability.waitlist.offer(e.entryId(), new Waitlist.Offer(e.offered(), e.offerExpiresAt()));
                }
            }
            return availability;
        }
    }
}
