package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AcceptWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ExpireWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ReturnSoldSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.registration.SeatQuantities;
import dev.seatbooking.registration.order.Order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
 *
 * <p>The waitlist (ADR 15, docs/domain.md "Waitlist") lives here too, so that one writer decides both where seats go
 * and who waits: seats coming back pay off what is owed, then are offered to the type's waiting entries in join order
 * (an offer holds seats as a reservation does), and only the rest goes on sale; while an entry of a type waits, no
 * seat of it is on sale. With offers: {@code on sale + held + offered + sold == quota + owed}.
 */
public final class SeatsAvailability implements Aggregate<SeatsAvailabilityEvent> {

    /** How a snapshot is taken and restored; see {@link SeatsAvailabilitySnapshot}. */
    public static final SeatsAvailabilitySnapshot.Snapshots SNAPSHOTS = new SeatsAvailabilitySnapshot.Snapshots();

    private final UUID conferenceId;
    final Map<UUID, Integer> remaining = new LinkedHashMap<>();
    final Map<UUID, List<SeatQuantity>> pending = new LinkedHashMap<>();
    /** Seats per type still to be taken off sale from a lowered quota; a type owing nothing is absent. */
    final Map<UUID, Integer> owed = new LinkedHashMap<>();
    final Waitlist waitlist = new Waitlist();
    /**
     * A setting of the conference, not state: how long the offers this aggregate makes are held. Whoever decides sets
     * it from the conference's current setting before each decision; an offer made keeps its expiry.
     */
    private OfferHold offerHold = OfferHold.DEFAULT;

    public SeatsAvailability(UUID conferenceId) {
        this.conferenceId = Objects.requireNonNull(conferenceId, "conferenceId");
    }

    /**
     * Reserves for each seat type {@code min(wanted, remaining + what this reservation already holds)}. Made again
     * for the same reservation (the order was updated), it replaces the previous one: seat types left out are
     * released. Always answers with SeatsReserved, even when nothing changed, because the process waits for it.
     *
     * <p>While an entry waits for a seat type, none of its seats is on sale: the reservation gets no more of it than
     * it already holds (never skip ahead of the waitlist).
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
        SeatChanges changes = new SeatChanges(now);
        for (UUID seatType : seatTypes) {
            int alreadyHeld = held.of(seatType);
            int onSale = waitlist.waitsFor(seatType) ? 0 : remaining.get(seatType);
            int actual = Math.min(wanted.of(seatType), onSale + alreadyHeld);
            if (actual != 0) reserved.add(new SeatQuantity(seatType, actual));
            if (actual > alreadyHeld) changes.taken(seatType, actual - alreadyHeld);
            else changes.add(seatType, alreadyHeld - actual);
        }
        return changes.withOffers(new SeatsReserved(conferenceId, command.reservationId(), reserved, changes.onSale,
                changes.owedPaidOff));
    }

    /**
     * Gives a pending reservation's seats back (to what is owed, the waitlist, then sale). An unknown (or already
     * ended) reservation: nothing to do.
     */
    public List<SeatsAvailabilityEvent> cancelReservation(CancelSeatReservation command, Instant now) {
        requireThisConference(command.conferenceId());
        List<SeatQuantity> held = pending.get(command.reservationId());
        if (held == null) return List.of();
        SeatChanges changes = new SeatChanges(now);
        held.forEach(seat -> changes.add(seat.seatTypeId(), seat.quantity()));
        return changes.withOffers(new SeatsReservationCancelled(conferenceId, command.reservationId(), changes.onSale,
                changes.owedPaidOff));
    }

    /** Sells a pending reservation's seats for good. An unknown (or already ended) reservation: nothing to do. */
    public List<SeatsAvailabilityEvent> commitReservation(CommitSeatReservation command) {
        requireThisConference(command.conferenceId());
        if (!pending.containsKey(command.reservationId())) return List.of();
        return List.of(new SeatsReservationCommitted(conferenceId, command.reservationId()));
    }

    /**
     * A cancelled order's sold seats come back (issue 16), through {@link SeatChanges#add} as any seats that come
     * back: what a lowered quota owes first, then the type's waiting entries in join order (offers), then sale. The
     * order's cancellation happens once and its command's message id derives from the order, so the seats are
     * returned once. If the order's reservation is still pending here (its CommitSeatReservation not handled yet: it
     * is sent first, so only if it was lost), it ends now and a later commit finds nothing to do.
     */
    public List<SeatsAvailabilityEvent> returnSoldSeats(ReturnSoldSeats command, Instant now) {
        requireThisConference(command.conferenceId());
        SeatChanges changes = new SeatChanges(now);
        for (SeatQuantity seat : SeatQuantities.of(command.seats()).asList()) {
            if (!remaining.containsKey(seat.seatTypeId())) {
                throw new SeatsAvailabilityRejection.UnknownSeatType(conferenceId, seat.seatTypeId());
            }
            if (seat.quantity() < 0) {
                throw new SeatsAvailabilityRejection.InvalidSeatQuantity(seat.seatTypeId(), seat.quantity());
            }
            changes.add(seat.seatTypeId(), seat.quantity());
        }
        return changes.withOffers(new SoldSeatsReturned(conferenceId, command.orderId(), command.seats(),
                changes.onSale, changes.owedPaidOff));
    }

    /**
     * The owner raised a quota: the added seats first pay off what a lowered quota still owes, the rest go on sale.
     * The first AddSeats of a type (even of 0) makes the type known.
     */
    public List<SeatsAvailabilityEvent> addSeats(AddSeats command, Instant now) {
        requireThisConference(command.conferenceId());
        UUID seatType = command.seatTypeId();
        if (command.quantity() == 0 && remaining.containsKey(seatType)) return List.of();
        SeatChanges changes = new SeatChanges(now);
        // A new type (which owes nothing) is announced even with 0 seats: that makes it known.
        if (!remaining.containsKey(seatType)) changes.onSale.add(new SeatQuantity(seatType, command.quantity()));
        else changes.add(seatType, command.quantity());
        return changes.withOffers(new AvailableSeatsChanged(conferenceId, changes.onSale, changes.owedPaidOff));
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

    /**
     * Puts an entry at the back of its seat type's waitlist. Seats of the type on sale (none while anyone waits) are
     * offered to it at once: a registrant who saw the type sold out is served by seats that came back since.
     * Joining again with the same entry id does nothing.
     */
    public List<SeatsAvailabilityEvent> joinWaitlist(JoinWaitlist command, Instant now) {
        requireThisConference(command.conferenceId());
        UUID seatType = command.seatTypeId();
        if (!remaining.containsKey(seatType)) throw new SeatsAvailabilityRejection.UnknownSeatType(conferenceId, seatType);
        if (command.quantity() < 1 || command.quantity() > Order.MAX_SEATS_PER_SEAT_TYPE) {
            throw new SeatsAvailabilityRejection.InvalidWaitlistQuantity(seatType, command.quantity(),
                    Order.MAX_SEATS_PER_SEAT_TYPE);
        }
        if (waitlist.entry(command.entryId()).isPresent()) return List.of();
        var joined = new WaitlistJoined(conferenceId, command.entryId(), seatType, command.quantity());
        int fromSale = waitlist.waitsFor(seatType) ? 0 : Math.min(command.quantity(), remaining(seatType));
        if (fromSale == 0) return List.of(joined);
        return List.of(joined, new WaitlistOfferMade(conferenceId, command.entryId(), new SeatQuantity(seatType, fromSale),
                List.of(new SeatQuantity(seatType, -fromSale)), now.plus(offerHold.duration())));
    }

    /** The entry leaves its waitlist, declining an open offer: the offered seats pass on. Unknown entry: nothing. */
    public List<SeatsAvailabilityEvent> leaveWaitlist(LeaveWaitlist command, Instant now) {
        requireThisConference(command.conferenceId());
        return waitlist.entry(command.entryId()).map(entry -> {
            SeatChanges changes = passOn(entry, now);
            return changes.withOffers(new WaitlistLeft(conferenceId, entry.entryId(), changes.onSale, changes.owedPaidOff));
        }).orElse(List.of());
    }

    /** An offer still open at its expiry lapses: the entry leaves the waitlist and the seats pass on. */
    public List<SeatsAvailabilityEvent> expireOffer(ExpireWaitlistOffer command, Instant now) {
        requireThisConference(command.conferenceId());
        Optional<Waitlist.Offer> offer = waitlist.offer(command.entryId());
        if (offer.isEmpty() || now.isBefore(offer.get().expiresAt())) return List.of();
        Waitlist.Entry entry = waitlist.entry(command.entryId()).orElseThrow();
        SeatChanges changes = passOn(entry, now);
        return changes.withOffers(new WaitlistOfferLapsed(conferenceId, entry.entryId(), changes.onSale,
                changes.owedPaidOff));
    }

    /**
     * The offered seats, as they are now (fewer than wanted if fewer came back), become the pending reservation of a
     * new order, and the entry leaves the waitlist.
     */
    public List<SeatsAvailabilityEvent> acceptOffer(AcceptWaitlistOffer command) {
        requireThisConference(command.conferenceId());
        Optional<Waitlist.Offer> offer = waitlist.offer(command.entryId());
        if (offer.isEmpty()) throw new SeatsAvailabilityRejection.NoOpenOffer(command.entryId());
        if (pending.containsKey(command.orderId())) {
            throw new SeatsAvailabilityRejection.ReservationExists(command.orderId());
        }
        UUID seatType = waitlist.entry(command.entryId()).orElseThrow().seatTypeId();
        return List.of(new WaitlistOfferAccepted(conferenceId, command.entryId(), command.orderId(),
                List.of(new SeatQuantity(seatType, offer.get().seats()))));
    }

    /**
     * Sets how long the offers made from now on are held (the conference's setting; the default until set). An open
     * offer keeps the expiry it was made with, also when it grows: a registrant was told when it lapses.
     */
    public void offerHold(OfferHold hold) {
        this.offerHold = Objects.requireNonNull(hold, "hold");
    }

    /** The seats offered to an ending entry come back, passed to the entries after it (never back to itself). */
    private SeatChanges passOn(Waitlist.Entry entry, Instant now) {
        SeatChanges changes = new SeatChanges(now, entry.entryId());
        int offered = waitlist.offered(entry.entryId());
        if (offered > 0) changes.add(entry.seatTypeId(), offered);
        return changes;
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
            case SoldSeatsReturned e -> {
                pending.remove(e.orderId());
                change(e.availableSeatsChanged());
                changeOwed(e.seatsOwedChanged());
            }
            case AvailableSeatsChanged e -> {
                change(e.seats());
                changeOwed(e.seatsOwedChanged());
            }
            case WaitlistJoined e -> waitlist.join(new Waitlist.Entry(e.entryId(), e.seatTypeId(), e.quantity()));
            case WaitlistOfferMade e -> {
                waitlist.offer(e.entryId(), new Waitlist.Offer(e.offered().quantity(), e.offerExpiresAt()));
                change(e.availableSeatsChanged());
            }
            case WaitlistLeft e -> endEntry(e.entryId(), e.availableSeatsChanged(), e.seatsOwedChanged());
            case WaitlistOfferLapsed e -> endEntry(e.entryId(), e.availableSeatsChanged(), e.seatsOwedChanged());
            case WaitlistOfferAccepted e -> {
                waitlist.end(e.entryId());
                pending.put(e.orderId(), e.reservationDetails());
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

    /** The seats offered to a waitlist entry now; 0 for an entry without an offer, or no longer on the waitlist. */
    public int offered(UUID entryId) {
        return waitlist.offered(entryId);
    }

    /** When the entry's open offer lapses, if it has one. */
    public Optional<Instant> offerExpiresAt(UUID entryId) {
        return waitlist.offer(entryId).map(Waitlist.Offer::expiresAt);
    }

    /** The entries of a seat type's waitlist, first joined first. */
    public List<UUID> waitlist(UUID seatTypeId) {
        return waitlist.of(seatTypeId).stream().map(Waitlist.Entry::entryId).toList();
    }

    /** Whether the entry is on a waitlist (joined, and not yet left, lapsed or accepted). */
    public boolean onWaitlist(UUID entryId) {
        return waitlist.entry(entryId).isPresent();
    }

    /**
     * The entry's place among its seat type's waiting entries (those offered fewer seats than they want), 1 = the
     * next to be offered seats; empty if it does not wait (fully offered, or not on the list).
     */
    public OptionalInt waitingPosition(UUID entryId) {
        Optional<Waitlist.Entry> entry = waitlist.entry(entryId);
        if (entry.isEmpty()) return OptionalInt.empty();
        int position = 0;
        for (Waitlist.Entry other : waitlist.of(entry.get().seatTypeId())) {
            if (waitlist.offered(other.entryId()) >= other.quantity()) continue;
            position++;
            if (other.entryId().equals(entryId)) return OptionalInt.of(position);
        }
        return OptionalInt.empty();
    }

    /** The seats on sale per seat type, in the order the types were announced. */
    public List<SeatQuantity> remainingSeats() {
        return remaining.entrySet().stream().map(e -> new SeatQuantity(e.getKey(), e.getValue())).toList();
    }

    /** The seats a pending reservation holds; empty once cancelled, committed or never made. */
    public Optional<List<SeatQuantity>> reservation(UUID reservationId) {
        return Optional.ofNullable(pending.get(reservationId));
    }

    /** The entry is off the waitlist; its offered seats went where the deltas say (and to later entries' offers). */
    private void endEntry(UUID entryId, List<SeatQuantity> onSale, List<SeatQuantity> owedPaidOff) {
        waitlist.end(entryId);
        change(onSale);
        changeOwed(owedPaidOff);
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
     * The changes of one decision. Seats coming back (released by a reservation or an offer, or added by the owner)
     * are split as they must go: what the type owes is paid off first (negative deltas of the seats owed), then the
     * type's waiting entries are offered seats in join order, each up to what it wants (an entry offered fewer than
     * it wants gets the next seats before any later entry), and the rest goes on sale (positive deltas). Seats taken
     * by a reservation come off sale (negative deltas).
     */
    private final class SeatChanges {
        final List<SeatQuantity> onSale = new ArrayList<>();
        final List<SeatQuantity> owedPaidOff = new ArrayList<>();
        /** Seats newly offered per entry, in the order offered. */
        private final Map<Waitlist.Entry, Integer> offered = new LinkedHashMap<>();
        private final Instant now;
        /** The entry whose seats these are (it is leaving), or null. */
        private final UUID ending;

        SeatChanges(Instant now) {
            this(now, null);
        }

        SeatChanges(Instant now, UUID ending) {
            this.now = now;
            this.ending = ending;
        }

        void add(UUID seatType, int seats) {
            int paidOff = Math.min(seats, owed(seatType));
            if (paidOff > 0) owedPaidOff.add(new SeatQuantity(seatType, -paidOff));
            int rest = seats - paidOff;
            for (Waitlist.Entry entry : waitlist.of(seatType)) {
                if (rest == 0) break;
                if (entry.entryId().equals(ending)) continue;
                int already = waitlist.offered(entry.entryId()) + offered.getOrDefault(entry, 0);
                int given = Math.min(rest, entry.quantity() - already);
                if (given > 0) offered.merge(entry, given, Integer::sum);
                rest -= Math.max(given, 0);
            }
            if (rest > 0) onSale.add(new SeatQuantity(seatType, rest));
        }

        /** The decision's event, followed by the offers it made (seats straight from it, never on sale). */
        List<SeatsAvailabilityEvent> withOffers(SeatsAvailabilityEvent decided) {
            List<SeatsAvailabilityEvent> events = new ArrayList<>(List.of(decided));
            offered.forEach((entry, given) -> events.add(new WaitlistOfferMade(conferenceId, entry.entryId(),
                    new SeatQuantity(entry.seatTypeId(), waitlist.offered(entry.entryId()) + given), List.of(),
                    waitlist.offer(entry.entryId()).map(Waitlist.Offer::expiresAt)
                            .orElse(now.plus(offerHold.duration())))));
            return events;
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
