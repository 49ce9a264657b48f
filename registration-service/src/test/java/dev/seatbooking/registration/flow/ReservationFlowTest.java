package dev.seatbooking.registration.flow;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.process.ProcessState;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole reservation flow over real Kafka and PostgreSQL: the conference comes in from Conference Management's
 * events, the registrant orders through the REST API, SeatsAvailability reserves, the process marks the order
 * reserved, the payment completes on Payments' topic, the order is confirmed, the seats committed and the seat
 * assignments created. Unpublishing a conference stops new orders only: those it holds are still paid and confirmed.
 */
class ReservationFlowTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_order_is_reserved_paid_confirmed_and_gets_its_seat_assignments() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("100.00", "EUR")),
                new SeatTypeSpec("Workshop", 5, Money.of("40.00", "EUR")));
        UUID general = conference.seatTypes().get(0);
        UUID workshop = conference.seatTypes().get(1);
        UUID orderId = UUID.randomUUID();

        Response placed = registrant.placeOrder(conference.id(), orderId, general, 3, workshop, 1);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("Location")).hasValue("/api/orders/" + orderId);
        assertThat(placed.header(ConsistencyToken.HEADER)).hasValue(orderId + ".2");
        String accessCode = placed.body().path("accessCode").asString();
        assertThat(accessCode).hasSize(10);

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.remaining(conference.id(), general)).isEqualTo(7);
        assertThat(probe.remaining(conference.id(), workshop)).isEqualTo(4);
        assertThat(probe.seatsAvailability(conference.id()).reservation(orderId)).hasValueSatisfying(seats ->
                assertThat(seats).containsExactlyInAnyOrder(new SeatQuantity(general, 3), new SeatQuantity(workshop, 1)));
        Response reserved = registrant.getOrder(orderId, accessCode);
        assertThat(reserved.status()).isEqualTo(200);
        assertThat(reserved.body().path("status").asString()).isEqualTo("RESERVATION_COMPLETED");
        assertThat(reserved.body().path("total").path("amount").decimalValue()).isEqualByComparingTo("340.00");

        upstream().paymentCompleted(orderId, conference.id(), Money.of("340.00", "EUR"));

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.CONFIRMED);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).reservation(orderId).isEmpty());
        assertThat(probe.remaining(conference.id(), general)).as("committed seats stay sold").isEqualTo(7);
        assertThat(probe.remaining(conference.id(), workshop)).isEqualTo(4);
        await().atMost(WAIT).until(() -> probe.process(orderId)
                .map(p -> p.completed() && p.state().completion() == Completion.CONFIRMED).orElse(false));

        UUID seatAssignmentsId = SeatAssignments.idFor(orderId);
        assertThat(probe.events(seatAssignmentsId)).hasSize(1);
        Response assignments = registrant.get("/api/orders/" + orderId + "/seat-assignments", accessCode);
        assertThat(assignments.status()).isEqualTo(200);
        assertThat(assignments.body().path("seats").size()).isEqualTo(4);
        List<SeatPosition> positions = assignments.body().path("seats").valueStream()
                .map(s -> new SeatPosition(s.path("position").asInt(), UUID.fromString(s.path("seatTypeId").asString())))
                .toList();
        assertThat(positions).containsExactly(new SeatPosition(0, general), new SeatPosition(1, general),
                new SeatPosition(2, general), new SeatPosition(3, workshop));
    }

    @Test
    void a_payment_of_the_total_before_a_seat_change_does_not_confirm_the_changed_order_and_it_can_be_paid_again() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("100.00", "EUR")));
        UUID general = conference.seatType();
        UUID orderId = UUID.randomUUID();
        String accessCode = registrant.placeOrder(conference.id(), orderId, general, 2).body().path("accessCode")
                .asString();
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        // The registrant starts paying 200.00, then asks for a third seat: the order now costs 300.00.
        assertThat(registrant.put("/api/orders/" + orderId + "/seats", RegistrantClient.seats(general, 3), accessCode)
                .status()).isLessThan(300);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED
                && probe.seatsHeld(orderId) == 3);

        UUID oldTotalPaid = upstream().paymentCompleted(orderId, conference.id(), Money.of("200.00", "EUR"));

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.CONFIRMED || probe.process(orderId)
                .map(p -> p.state().paymentsToRefund().contains(oldTotalPaid)).orElse(false));
        assertThat(probe.status(orderId)).as("confirmed by a payment of the old total").isNotEqualTo(OrderStatus.CONFIRMED);
        assertThat(probe.process(orderId).orElseThrow().state().state())
                .isEqualTo(ProcessState.RESERVATION_CONFIRMATION_RECEIVED);

        UUID newTotalPaid = upstream().paymentCompleted(orderId, conference.id(), Money.of("300.00", "EUR"));

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.CONFIRMED);
        assertThat(probe.process(orderId).orElseThrow().state().paymentId()).isEqualTo(newTotalPaid);
        assertThat(probe.events(orderId)).extracting(RecordedEvent::event)
                .filteredOn(OrderConfirmed.class::isInstance).as("the payment Payments keeps; it refunds the other")
                .containsExactly(new OrderConfirmed(orderId, false, newTotalPaid));
    }

    @Test
    void orders_held_when_their_conference_is_unpublished_are_still_paid_and_confirmed() {
        var seatTypes = List.of(new SeatTypeSpec("General", 10, Money.of("100.00", "EUR")),
                new SeatTypeSpec("Community", 10, Money.of("0.00", "EUR")));
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15), seatTypes.toArray(SeatTypeSpec[]::new));
        UUID general = conference.seatType();
        UUID community = conference.seatTypes().getLast();
        UUID paidOrder = UUID.randomUUID();
        UUID freeOrder = UUID.randomUUID();
        registrant.placeOrder(conference.id(), paidOrder, general, 2);
        String freeCode = registrant.placeOrder(conference.id(), freeOrder, community, 1).body().path("accessCode")
                .asString();
        await().atMost(WAIT).until(() -> probe.status(paidOrder) == OrderStatus.RESERVATION_COMPLETED
                && probe.status(freeOrder) == OrderStatus.RESERVATION_COMPLETED);

        upstream().unpublishConference(conference);
        await().atMost(WAIT).until(() -> !probe.published(conference.id()));
        assertProblem(registrant.placeOrder(conference.id(), UUID.randomUUID(), general, 1), 422,
                "conference-not-published"); // new orders are refused

        upstream().paymentCompleted(paidOrder, conference.id(), Money.of("200.00", "EUR"));
        Response confirmed = registrant.post("/api/orders/" + freeOrder + "/confirmation", null, freeCode);

        assertThat(confirmed.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> probe.status(paidOrder) == OrderStatus.CONFIRMED);
        assertThat(probe.status(freeOrder)).isEqualTo(OrderStatus.CONFIRMED);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).reservation(paidOrder).isEmpty()
                && probe.seatsAvailability(conference.id()).reservation(freeOrder).isEmpty());
        assertThat(probe.remaining(conference.id(), general)).as("the paid seats stay sold").isEqualTo(8);
        assertThat(probe.remaining(conference.id(), community)).isEqualTo(9);
        assertThat(probe.events(SeatAssignments.idFor(paidOrder))).hasSize(1);
        assertThat(probe.events(SeatAssignments.idFor(freeOrder))).hasSize(1);
    }
}
