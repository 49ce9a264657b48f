package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUses;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client chooses an order's id, and every aggregate of the service shares the event store's one stream-id space:
 * a conference's SeatsAvailability is the stream of the conference's (public) id, its promotional codes' uses and an
 * order's seat assignments are streams whose ids anyone can compute ({@link PromotionalCodeUses#idFor},
 * {@link SeatAssignments#idFor}). An order placed under such an id must be refused, and must never take the stream
 * another aggregate will need.
 */
class StreamIdCollisionApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private PublishedConference conference;
    private UUID general;

    @BeforeEach
    void a_free_conference_on_sale() {
        conference = conferenceOnSale(Duration.ofMinutes(15), new SeatTypeSpec("General", 50, Money.of("0.00", "EUR")));
        general = conference.seatTypes().get(0);
    }

    @Test
    void an_order_under_the_id_of_a_conference_is_a_4xx_problem_not_a_500() {
        Response attack = registrant.placeOrder(conference.id(), conference.id(), general, 1);

        assertProblem(attack, 409, "order-already-placed");
    }

    @Test
    void an_order_cannot_take_the_stream_of_another_orders_seat_assignments() {
        UUID victim = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), victim, general, 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String code = placed.body().path("accessCode").asString();
        await().atMost(WAIT).until(() -> probe.status(victim) == OrderStatus.RESERVATION_COMPLETED);

        // The victim's order id is not a secret (ADR 9): anyone can compute the stream its seat assignments will use.
        Response attack = registrant.placeOrder(conference.id(), SeatAssignments.idFor(victim), general, 1);

        Response confirmed = registrant.post("/api/orders/" + victim + "/confirmation", null, code);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(202);
        assertThat(probe.status(victim)).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(registrant.get("/api/orders/" + victim + "/seat-assignments", code).status()).isEqualTo(200);
        assertInvalid(attack, "validation-failed", "orderId");
    }

    @Test
    void an_order_cannot_take_the_stream_of_the_conferences_promotional_code_uses() {
        var ten = new PromotionalCodeDefined(conference.id(), UUID.randomUUID(), "TEN", Discount.percentage(10),
                CodeScope.ALL_SEAT_TYPES, null, null, null, false, true);
        upstream().promotionalCodeDefined(ten);
        await().atMost(WAIT).until(() -> probe.codeDefined(conference.id(), ten.codeId(), true));

        // One anonymous request, knowing only the conference's public id, before anyone used a code.
        Response attack = registrant.placeOrder(conference.id(), PromotionalCodeUses.idFor(conference.id()), general, 1);

        UUID victim = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), victim, general, 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String code = placed.body().path("accessCode").asString();
        await().atMost(WAIT).until(() -> probe.status(victim) == OrderStatus.RESERVATION_COMPLETED);

        Response applied = registrant.post("/api/orders/" + victim + "/promotional-codes", Map.of("code", "TEN"), code);
        assertThat(applied.status()).as(applied.text()).isEqualTo(202);
        assertInvalid(attack, "validation-failed", "orderId");
    }
}
