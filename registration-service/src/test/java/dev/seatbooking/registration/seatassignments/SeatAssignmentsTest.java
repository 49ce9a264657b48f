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
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatAssignmentsTest {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID OTHER_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID ASSIGNMENTS = SeatAssignments.idFor(ORDER);
    static final UUID GENERAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID WORKSHOP = UUID.fromString("00000000-0000-0000-0000-000000000002");

    static final PersonalInfo ADA = new PersonalInfo("Ada", "Lovelace", "ada@example.org");
    static final PersonalInfo GRACE = new PersonalInfo("Grace", "Hopper", "grace@example.org");

    /** Order bought two GENERAL seats (positions 0, 1) and one WORKSHOP seat (position 2). */
    static final SeatAssignmentsCreated CREATED = new SeatAssignmentsCreated(ASSIGNMENTS, ORDER, List.of(
            new SeatPosition(0, GENERAL), new SeatPosition(1, GENERAL), new SeatPosition(2, WORKSHOP)));

    private final AggregateFixture<SeatAssignments, SeatAssignmentsEvent> assignments =
            AggregateFixture.of(SeatAssignments::new, ASSIGNMENTS);

    static AssignSeat assign(int position, PersonalInfo attendee) {
        return new AssignSeat(ASSIGNMENTS, position, attendee);
    }

    static UnassignSeat unassign(int position) {
        return new UnassignSeat(ASSIGNMENTS, position);
    }

    static SeatAssigned assigned(int position, UUID seatType, PersonalInfo attendee) {
        return new SeatAssigned(ASSIGNMENTS, ORDER, position, seatType, attendee);
    }

    static SeatUnassigned unassigned(int position) {
        return new SeatUnassigned(ASSIGNMENTS, ORDER, position);
    }

    static SeatAssignmentUpdated updated(int position, PersonalInfo attendee) {
        return new SeatAssignmentUpdated(ASSIGNMENTS, ORDER, position, attendee);
    }

    @Nested
    class Creating {

        @Test
        void a_confirmed_order_gets_one_position_per_purchased_seat() {
            assignments.givenNothing()
                    .when(a -> a.create(ORDER, List.of(new SeatQuantity(GENERAL, 2), new SeatQuantity(WORKSHOP, 1))))
                    .then(CREATED)
                    .state(a -> assertThat(a.attendee(0)).isEmpty());
        }

        @Test
        void created_again_for_the_same_order_nothing_changes() {
            assignments.given(CREATED)
                    .when(a -> a.create(ORDER, List.of(new SeatQuantity(GENERAL, 2), new SeatQuantity(WORKSHOP, 1))))
                    .thenNothing();
        }

        @Test
        void they_belong_to_one_order_only() {
            assignments.given(CREATED)
                    .when(a -> a.create(OTHER_ORDER, List.of(new SeatQuantity(GENERAL, 1))))
                    .thenRejectedWith(SeatAssignmentsRejection.CreatedForAnotherOrder.class);
        }

        @Test
        void an_order_without_seats_has_nothing_to_assign() {
            assignments.givenNothing()
                    .when(a -> a.create(ORDER, List.of(new SeatQuantity(GENERAL, 0))))
                    .thenRejectedWith(SeatAssignmentsRejection.NoSeatsPurchased.class);
        }

        @Test
        void the_id_follows_from_the_order_and_is_not_the_order_id() {
            assertThat(SeatAssignments.idFor(ORDER)).isEqualTo(SeatAssignments.idFor(ORDER)).isNotEqualTo(ORDER)
                    .isNotEqualTo(SeatAssignments.idFor(OTHER_ORDER));
        }
    }

    @Nested
    class Assigning {

        @Test
        void a_free_seat_gets_its_attendee() {
            assignments.given(CREATED)
                    .when(a -> a.assignSeat(assign(2, ADA)))
                    .then(assigned(2, WORKSHOP, ADA))
                    .state(a -> assertThat(a.attendee(2)).contains(ADA));
        }

        @Test
        void another_person_takes_the_seat_from_its_previous_attendee() {
            assignments.given(CREATED, assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, GRACE)))
                    .then(unassigned(0), assigned(0, GENERAL, GRACE));
        }

        @Test
        void a_seat_goes_to_five_people_at_most_whether_freed_between_or_not() {
            var third = new PersonalInfo("Third", "Person", "third@example.org");
            assignments.given(CREATED, assigned(0, GENERAL, ADA), unassigned(0), assigned(0, GENERAL, GRACE),
                            unassigned(0), assigned(0, GENERAL, ADA), assigned(0, GENERAL, GRACE),
                            unassigned(0), assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, third)))
                    .thenRejectedWith(SeatAssignmentsRejection.SeatAssignedTooOften.class);
        }

        @Test
        void the_person_in_a_seat_given_to_five_people_can_still_change_their_name() {
            var adaMarried = new PersonalInfo("Ada", "King", "ada@example.org");
            assignments.given(CREATED, assigned(0, GENERAL, GRACE), assigned(0, GENERAL, ADA),
                            assigned(0, GENERAL, GRACE), assigned(0, GENERAL, GRACE), assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, adaMarried)))
                    .then(updated(0, adaMarried));
        }

        @Test
        void a_seat_given_to_five_people_leaves_the_other_seats_free() {
            assignments.given(CREATED, assigned(0, GENERAL, GRACE), assigned(0, GENERAL, ADA),
                            assigned(0, GENERAL, GRACE), assigned(0, GENERAL, GRACE), assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(1, ADA)))
                    .then(assigned(1, GENERAL, ADA));
        }

        @Test
        void the_same_email_with_a_changed_name_updates_the_attendee() {
            var adaMarried = new PersonalInfo("Ada", "King", "ada@example.org");
            assignments.given(CREATED, assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, adaMarried)))
                    .then(updated(0, adaMarried))
                    .state(a -> assertThat(a.attendee(0)).contains(adaMarried));
        }

        @Test
        void the_email_is_compared_whatever_its_case() {
            var adaShouting = new PersonalInfo("Ada", "King", "ADA@Example.org");
            assignments.given(CREATED, assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, adaShouting)))
                    .then(updated(0, adaShouting));
        }

        @Test
        void the_same_attendee_again_changes_nothing() {
            assignments.given(CREATED, assigned(0, GENERAL, ADA))
                    .when(a -> a.assignSeat(assign(0, new PersonalInfo("Ada", "Lovelace", "ADA@example.org"))))
                    .thenNothing();
        }

        @Test
        void an_unknown_position_is_an_error() {
            assignments.given(CREATED)
                    .when(a -> a.assignSeat(assign(3, ADA)))
                    .thenRejectedWith(SeatAssignmentsRejection.UnknownSeatPosition.class);
        }

        @Test
        void seat_assignments_never_created_take_no_attendee() {
            assignments.givenNothing()
                    .when(a -> a.assignSeat(assign(0, ADA)))
                    .thenRejectedWith(SeatAssignmentsRejection.UnknownSeatAssignments.class);
        }

        @Test
        void an_attendee_needs_an_email() {
            assertThatThrownBy(() -> new PersonalInfo("Ada", "Lovelace", " ")).hasMessageContaining("email");
            assertThatThrownBy(() -> new PersonalInfo("Ada", "Lovelace", null)).hasMessageContaining("email");
        }
    }

    @Nested
    class Unassigning {

        @Test
        void an_attendee_leaves_the_seat() {
            assignments.given(CREATED, assigned(1, GENERAL, ADA))
                    .when(a -> a.unassignSeat(unassign(1)))
                    .then(unassigned(1))
                    .state(a -> assertThat(a.attendee(1)).isEmpty());
        }

        @Test
        void a_free_seat_stays_free() {
            assignments.given(CREATED, assigned(1, GENERAL, ADA), unassigned(1))
                    .when(a -> a.unassignSeat(unassign(1)))
                    .thenNothing();
        }

        @Test
        void an_unknown_position_is_an_error() {
            assignments.given(CREATED)
                    .when(a -> a.unassignSeat(unassign(7)))
                    .thenRejectedWith(SeatAssignmentsRejection.UnknownSeatPosition.class);
        }

        @Test
        void a_freed_seat_can_be_assigned_again() {
            assignments.given(CREATED, assigned(1, GENERAL, ADA), unassigned(1))
                    .when(a -> a.assignSeat(assign(1, ADA)))
                    .then(assigned(1, GENERAL, ADA));
        }
    }
}
