package dev.seatbooking.readmodel.orderseats;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class OrderSeatsProjectionTest extends ProjectionTest {

    static final UUID GENERAL = UUID.randomUUID();
    static final UUID WORKSHOP = UUID.randomUUID();
    static final PersonalInfo ADA = new PersonalInfo("Ada", "Lovelace", "ada@example.com");
    static final PersonalInfo ALAN = new PersonalInfo("Alan", "Turing", "alan@example.com");

    @Autowired
    OrderSeatsProjection projection;
    @Autowired
    OrderSeatsQueries queries;

    ProjectionHarness harness;
    Stream assignments;
    Stream conference;
    UUID orderId;
    UUID id;

    @BeforeEach
    void setUp() {
        harness = harness(projection);
        assignments = Stream.random();
        conference = Stream.random();
        id = assignments.id();
        orderId = UUID.randomUUID();
    }

    OrderSeats seats() {
        return queries.findByOrder(harness.tables(), orderId).orElseThrow();
    }

    @Test
    void one_position_per_purchased_seat_with_the_seat_type_name() {
        harness.feed(conference.next(seatCreated(conference.id(), GENERAL, "General", 100, "10")),
                conference.next(seatCreated(conference.id(), WORKSHOP, "Workshop", 10, "10")));
        harness.feed(assignments.next(new SeatAssignmentsCreated(id, orderId, List.of(new SeatPosition(0, GENERAL),
                new SeatPosition(1, GENERAL), new SeatPosition(2, WORKSHOP)))));

        OrderSeats seats = seats();
        assertThat(seats.seatAssignmentsId()).isEqualTo(id);
        assertThat(seats.seats()).extracting(OrderSeats.Seat::position, OrderSeats.Seat::seatTypeName,
                OrderSeats.Seat::attendee).containsExactly(tuple(0, "General", null), tuple(1, "General", null),
                tuple(2, "Workshop", null));
    }

    @Test
    void assigning_reassigning_updating_and_unassigning_attendees() {
        harness.feed(assignments.next(new SeatAssignmentsCreated(id, orderId,
                List.of(new SeatPosition(0, GENERAL), new SeatPosition(1, GENERAL)))));
        harness.feed(assignments.next(new SeatAssigned(id, orderId, 0, GENERAL, ADA)),
                assignments.next(new SeatAssigned(id, orderId, 1, GENERAL, ALAN)));
        harness.feed(assignments.next(new SeatUnassigned(id, orderId, 0)),
                assignments.next(new SeatAssigned(id, orderId, 0, GENERAL, ALAN)),
                assignments.next(new SeatAssignmentUpdated(id, orderId, 1,
                        new PersonalInfo("Alan M.", "Turing", "alan@example.com"))),
                assignments.next(new SeatUnassigned(id, orderId, 1)));

        OrderSeats seats = seats();
        assertThat(seats.seats()).extracting(OrderSeats.Seat::position, OrderSeats.Seat::attendee)
                .containsExactly(tuple(0, new OrderSeats.Attendee("Alan", "Turing", "alan@example.com")),
                        tuple(1, null));
        assertThat(seats.version()).isEqualTo(7);
    }

    @Test
    void a_seat_type_named_later_or_renamed_shows_its_current_name() {
        harness.feed(assignments.next(new SeatAssignmentsCreated(id, orderId, List.of(new SeatPosition(0, GENERAL)))));
        assertThat(seats().seats()).extracting(OrderSeats.Seat::seatTypeName).containsExactly((String) null);

        harness.feed(conference.next(seatCreated(conference.id(), GENERAL, "General", 100, "10")));
        harness.feed(conference.next(new SeatUpdated(conference.id(), GENERAL, "Standard", "d", 100, Money.of("10", "EUR"))));

        assertThat(seats().seats()).extracting(OrderSeats.Seat::seatTypeName).containsExactly("Standard");
    }

    @Test
    void a_redelivered_assignment_does_not_undo_a_later_unassignment() {
        var created = assignments.next(new SeatAssignmentsCreated(id, orderId, List.of(new SeatPosition(0, GENERAL))));
        var assigned = assignments.next(new SeatAssigned(id, orderId, 0, GENERAL, ADA));
        var unassigned = assignments.next(new SeatUnassigned(id, orderId, 0));
        harness.feed(created, assigned, unassigned);

        harness.feed(assigned, created);

        assertThat(seats().seats()).extracting(OrderSeats.Seat::attendee).containsExactly((OrderSeats.Attendee) null);
    }
}
