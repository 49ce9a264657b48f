package dev.seatbooking.registration.flow;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole reservation flow over real Kafka and PostgreSQL: the conference comes in from Conference Management's
 * events, the registrant orders through the REST API, SeatsAvailability reserves, the process marks the order
 * reserved, the payment completes on Payments' topic, the order is confirmed, the seats committed and the seat
 * assignments created.
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
}
