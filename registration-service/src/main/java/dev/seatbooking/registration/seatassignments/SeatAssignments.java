package dev.seatbooking.registration.seatassignments;

import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.AssignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.UnassignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who sits in each seat a confirmed order bought (stream id = {@link #idFor(UUID) seat assignments id}). Every seat
 * is its own position, numbered from 0 as in the RI; the registrant assigns, reassigns and unassigns attendees.
 */
public final class SeatAssignments implements Aggregate<SeatAssignmentsEvent> {

    /**
     * The most people one seat goes to over the order's life. Each new attendee is mailed ("A seat is yours") at an
     * address the registrant typed: without a bound, one confirmed order made the platform mail anyone, once per
     * request.
     */
    public static final int MAX_ATTENDEES_PER_SEAT = 5;

    /** @param attendees how many people the seat went to so far (SeatAssigned events), this one included */
    private record Seat(UUID seatTypeId, PersonalInfo attendee, int attendees) {

        Seat with(PersonalInfo next, int more) {
            return new Seat(seatTypeId, next, attendees + more);
        }
    }

    private final UUID id;
    private UUID orderId;
    private final Map<Integer, Seat> seats = new TreeMap<>();

    public SeatAssignments(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * The stream id of an order's seat assignments. Derived from the order id (which its Order stream already
     * uses), so that creating them again for a redelivered OrderConfirmed finds the same stream.
     */
    public static UUID idFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("seat-assignments:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** One position per purchased seat. Created again for the same order, nothing changes. */
    public List<SeatAssignmentsEvent> create(UUID orderId, List<SeatQuantity> purchasedSeats) {
        Objects.requireNonNull(orderId, "orderId");
        if (isCreated()) {
            if (this.orderId.equals(orderId)) return List.of();
            throw new SeatAssignmentsRejection.CreatedForAnotherOrder(id, this.orderId);
        }
        List<SeatPosition> positions = new ArrayList<>();
        for (SeatQuantity seat : purchasedSeats) {
            for (int i = 0; i < seat.quantity(); i++) positions.add(new SeatPosition(positions.size(), seat.seatTypeId()));
        }
        if (positions.isEmpty()) throw new SeatAssignmentsRejection.NoSeatsPurchased(orderId);
        return List.of(new SeatAssignmentsCreated(id, orderId, positions));
    }

    /**
     * Puts an attendee in a seat. A different person (another email) takes the seat from whoever had it; the same
     * person (same email, whatever its case) with a changed name is an update; the same details change nothing.
     * The email is required: an attendee ({@link PersonalInfo}) cannot be made without one. A seat goes to at most
     * {@value #MAX_ATTENDEES_PER_SEAT} people; a name change of the one in it is always possible.
     */
    public List<SeatAssignmentsEvent> assignSeat(AssignSeat command) {
        Seat seat = seatAt(command.seatAssignmentsId(), command.position());
        PersonalInfo next = command.attendee();
        PersonalInfo current = seat.attendee();
        boolean anotherPerson = current == null || !current.email().equalsIgnoreCase(next.email());
        if (anotherPerson && seat.attendees() >= MAX_ATTENDEES_PER_SEAT) {
            throw new SeatAssignmentsRejection.SeatAssignedTooOften(id, command.position(), MAX_ATTENDEES_PER_SEAT);
        }
        if (current == null) {
            return List.of(new SeatAssigned(id, orderId, command.position(), seat.seatTypeId(), next));
        }
        if (!current.email().equalsIgnoreCase(next.email())) {
            return List.of(new SeatUnassigned(id, orderId, command.position()),
                    new SeatAssigned(id, orderId, command.position(), seat.seatTypeId(), next));
        }
        boolean renamed = !current.firstName().equals(next.firstName()) || !current.lastName().equals(next.lastName());
        if (renamed) return List.of(new SeatAssignmentUpdated(id, orderId, command.position(), next));
        return List.of();
    }

    /** Frees a seat. A seat without attendee stays as it is. */
    public List<SeatAssignmentsEvent> unassignSeat(UnassignSeat command) {
        Seat seat = seatAt(command.seatAssignmentsId(), command.position());
        if (seat.attendee() == null) return List.of();
        return List.of(new SeatUnassigned(id, orderId, command.position()));
    }

    /**
     * The order was cancelled (issue 16): every attendee leaves their seat (a SeatUnassigned each), so the attendee
     * lists forget them. The positions stay, empty; the order refuses new attendees.
     */
    public List<SeatAssignmentsEvent> end() {
        if (!isCreated()) return List.of();
        return seats.entrySet().stream().filter(e -> e.getValue().attendee() != null)
                .<SeatAssignmentsEvent>map(e -> new SeatUnassigned(id, orderId, e.getKey())).toList();
    }

    @Override
    public void apply(SeatAssignmentsEvent event) {
        switch (event) {
            case SeatAssignmentsCreated e -> {
                orderId = e.orderId();
                e.seats().forEach(p -> seats.put(p.position(), new Seat(p.seatTypeId(), null, 0)));
            }
            case SeatAssigned e -> seats.compute(e.position(), (p, s) -> s == null
                    ? new Seat(e.seatTypeId(), e.attendee(), 1) : s.with(e.attendee(), 1));
            case SeatUnassigned e -> seats.computeIfPresent(e.position(), (p, s) -> s.with(null, 0));
            case SeatAssignmentUpdated e -> seats.computeIfPresent(e.position(), (p, s) -> s.with(e.attendee(), 0));
        }
    }

    public UUID id() {
        return id;
    }

    public boolean isCreated() {
        return orderId != null;
    }

    public UUID orderId() {
        return orderId;
    }

    /** Every seat, by position. */
    public List<SeatPosition> positions() {
        return seats.entrySet().stream().map(e -> new SeatPosition(e.getKey(), e.getValue().seatTypeId())).toList();
    }

    public Optional<PersonalInfo> attendee(int position) {
        return Optional.ofNullable(seats.get(position)).map(Seat::attendee);
    }

    private Seat seatAt(UUID seatAssignmentsId, int position) {
        if (!id.equals(seatAssignmentsId)) {
            throw new IllegalArgumentException("command for seat assignments " + seatAssignmentsId + " sent to " + id);
        }
        if (!isCreated()) throw new SeatAssignmentsRejection.UnknownSeatAssignments(id);
        Seat seat = seats.get(position);
        if (seat == null) throw new SeatAssignmentsRejection.UnknownSeatPosition(id, position);
        return seat;
    }
}
