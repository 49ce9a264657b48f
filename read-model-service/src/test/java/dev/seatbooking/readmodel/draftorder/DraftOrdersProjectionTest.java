package dev.seatbooking.readmodel.draftorder;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.readmodel.access.OrderAccessCodes;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.EXPIRES;
import static dev.seatbooking.readmodel.support.Samples.accessCode;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class DraftOrdersProjectionTest extends ProjectionTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID GENERAL = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID WORKSHOP = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final Instant LATER = EXPIRES.plusSeconds(60);

    @Autowired
    DraftOrdersProjection projection;
    @Autowired
    DraftOrderQueries queries;

    ProjectionHarness harness;
    Stream order;
    UUID id;

    @BeforeEach
    void setUp() {
        harness = harness(projection);
        order = Stream.random();
        id = order.id();
    }

    DraftOrder draft() {
        return queries.find(harness.tables(), id).orElseThrow();
    }

    List<Envelope> placed() {
        return List.of(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 3), seats(WORKSHOP, 1))),
                order.next(totals(id, "100", seats(GENERAL, 3), seats(WORKSHOP, 1))));
    }

    @Test
    void a_placed_order_is_pending_with_the_seats_asked_for_and_nothing_reserved_yet() {
        harness.feed(placed());

        DraftOrder draft = draft();
        assertThat(draft.state()).isEqualTo(DraftOrderState.PENDING_RESERVATION);
        assertThat(draft.lines()).extracting(DraftOrder.Line::seatTypeId, DraftOrder.Line::requested,
                DraftOrder.Line::reserved).containsExactly(tuple(GENERAL, 3, 0), tuple(WORKSHOP, 1, 0));
        assertThat(draft.reservationExpiration()).isEqualTo(EXPIRES);
        assertThat(AccessCodeHash.matches(accessCode(id), OrderAccessCodes.hashOf(harness.tables(), id))).isTrue();
        assertThat(draft.conferenceId()).isEqualTo(CONFERENCE);
        assertThat(draft.registrant()).isNull();
        assertThat(draft.version()).isEqualTo(2);
    }

    @Test
    void a_partial_reservation_shows_requested_beside_reserved_and_the_new_expiration() {
        harness.feed(placed());
        harness.feed(order.next(new OrderPartiallyReserved(id, LATER, List.of(seats(GENERAL, 2)))),
                order.next(totals(id, "100", seats(GENERAL, 2))));

        DraftOrder draft = draft();
        assertThat(draft.state()).isEqualTo(DraftOrderState.PARTIALLY_RESERVED);
        assertThat(draft.lines()).extracting(DraftOrder.Line::seatTypeId, DraftOrder.Line::requested,
                DraftOrder.Line::reserved).containsExactly(tuple(GENERAL, 3, 2), tuple(WORKSHOP, 1, 0));
        assertThat(draft.reservationExpiration()).isEqualTo(LATER);
        assertThat(draft.version()).isEqualTo(4);
    }

    @Test
    void an_update_asks_again_and_a_completed_reservation_holds_everything() {
        harness.feed(placed());
        harness.feed(order.next(new OrderPartiallyReserved(id, LATER, List.of(seats(GENERAL, 2)))));
        harness.feed(order.next(new OrderUpdated(id, List.of(seats(WORKSHOP, 2)))));

        assertThat(draft().state()).isEqualTo(DraftOrderState.PENDING_RESERVATION);
        assertThat(draft().lines()).extracting(DraftOrder.Line::seatTypeId, DraftOrder.Line::requested,
                DraftOrder.Line::reserved).containsExactly(tuple(WORKSHOP, 2, 0));

        harness.feed(order.next(new OrderReservationCompleted(id, LATER, List.of(seats(WORKSHOP, 2)))));
        assertThat(draft().state()).isEqualTo(DraftOrderState.RESERVATION_COMPLETED);
        assertThat(draft().lines()).extracting(DraftOrder.Line::requested, DraftOrder.Line::reserved)
                .containsExactly(tuple(2, 2));
    }

    @Test
    void registrant_and_confirmation() {
        harness.feed(placed());
        harness.feed(order.next(new OrderReservationCompleted(id, LATER, List.of(seats(GENERAL, 3), seats(WORKSHOP, 1)))),
                order.next(new OrderRegistrantAssigned(id, "Ada", "Lovelace", "Ada@Example.com")),
                order.next(new OrderConfirmed(id, false)));

        DraftOrder draft = draft();
        assertThat(draft.state()).isEqualTo(DraftOrderState.CONFIRMED);
        assertThat(draft.registrant()).isEqualTo(new DraftOrder.Registrant("Ada", "Lovelace", "Ada@Example.com"));
        assertThat(queries.findByAccessCode(harness.tables(), "ada@example.com", accessCode(id))).contains(id);
        assertThat(queries.findByAccessCode(harness.tables(), "ada@example.com", "WRONG")).isEmpty();
        assertThat(queries.findByAccessCode(harness.tables(), "alan@example.com", accessCode(id))).isEmpty();
    }

    @Test
    void an_expired_order_holds_no_seats_any_more() {
        harness.feed(placed());
        harness.feed(order.next(new OrderReservationCompleted(id, LATER, List.of(seats(GENERAL, 3), seats(WORKSHOP, 1)))),
                order.next(new OrderExpired(id)));

        assertThat(draft().state()).isEqualTo(DraftOrderState.EXPIRED);
        assertThat(draft().lines()).extracting(DraftOrder.Line::requested, DraftOrder.Line::reserved)
                .containsExactly(tuple(3, 0), tuple(1, 0));
    }

    @Test
    void a_cancelled_order_shows_cancelled_with_the_seats_it_had_bought() {
        harness.feed(placed());
        harness.feed(order.next(new OrderReservationCompleted(id, LATER, List.of(seats(GENERAL, 3), seats(WORKSHOP, 1)))),
                order.next(new OrderConfirmed(id, false)),
                order.next(new OrderCancelled(id, CONFERENCE, OrderCancelled.CancelledBy.REGISTRANT, LATER)));

        assertThat(draft().state()).isEqualTo(DraftOrderState.CANCELLED);
        assertThat(draft().lines()).extracting(DraftOrder.Line::requested, DraftOrder.Line::reserved)
                .containsExactly(tuple(3, 3), tuple(1, 1));
    }

    @Test
    void the_whole_history_redelivered_changes_nothing_and_a_stale_event_cannot_move_the_order_back() {
        List<Envelope> history = new java.util.ArrayList<>(placed());
        history.add(order.next(new OrderReservationCompleted(id, LATER, List.of(seats(GENERAL, 3), seats(WORKSHOP, 1)))));
        history.add(order.next(new OrderConfirmed(id, false)));
        harness.feed(history);
        DraftOrder before = draft();

        harness.feedOneByOne(history);
        harness.feed(history.reversed());

        assertThat(draft()).isEqualTo(before);
        assertThat(before.state()).isEqualTo(DraftOrderState.CONFIRMED);
    }

    @Test
    void one_event_per_batch_gives_the_same_result_as_one_batch() {
        List<Envelope> history = new java.util.ArrayList<>(placed());
        history.add(order.next(new OrderPartiallyReserved(id, LATER, List.of(seats(GENERAL, 1)))));
        history.add(order.next(new OrderRegistrantAssigned(id, "Alan", "Turing", "alan@example.com")));
        harness.feed(history);

        ProjectionHarness trickle = harness(projection);
        trickle.feedOneByOne(history);

        assertThat(queries.find(trickle.tables(), id)).contains(draft());
    }
}
