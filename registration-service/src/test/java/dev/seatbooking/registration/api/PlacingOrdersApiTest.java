package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrantClient;
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
 * Placing an order through the API: the happy path is idempotent, and every kind of bad input gets its problem answer
 * and changes nothing (no stream for the order, no seat taken).
 */
class PlacingOrdersApiTest extends RegistrationServiceTest {

    private PublishedConference conference;
    private UUID general;

    @BeforeEach
    void a_conference_on_sale() {
        conference = conferenceOnSale(Duration.ofMinutes(15), new SeatTypeSpec("General", 50, Money.of("90.00", "EUR")));
        general = conference.seatType();
    }

    @Test
    void placing_answers_201_with_location_token_and_access_code_and_the_same_request_again_answers_the_same() {
        UUID orderId = UUID.randomUUID();

        Response first = registrant.placeOrder(conference.id(), orderId, general, 2);
        String accessCode = first.body().path("accessCode").asString();
        Response again = registrant.send("POST", "/api/conferences/" + conference.id() + "/orders",
                RegistrantClient.json(placeRequest(orderId, 2)), Map.of(RegistrantClient.ACCESS_CODE, accessCode));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).hasValue("/api/orders/" + orderId);
        assertThat(first.header(ConsistencyToken.HEADER)).hasValue(new ConsistencyToken(orderId, 2).toString());
        assertThat(first.body().path("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(first.body().path("conferenceId").asString()).isEqualTo(conference.id().toString());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header(ConsistencyToken.HEADER)).isEqualTo(first.header(ConsistencyToken.HEADER));
        assertThat(again.body()).isEqualTo(first.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.events(orderId)).extracting(e -> e.event().getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderTotalsCalculated", "OrderReservationCompleted");
        assertThat(probe.remaining(conference.id(), general)).isEqualTo(48);
    }

    @Test
    void the_same_request_again_without_the_orders_access_code_answers_without_it() {
        UUID orderId = UUID.randomUUID();
        Response first = registrant.placeOrder(conference.id(), orderId, general, 2);
        String accessCode = first.body().path("accessCode").asString();

        Response withoutCode = registrant.placeOrder(conference.id(), orderId, general, 2);
        Response wrongCode = registrant.send("POST", "/api/conferences/" + conference.id() + "/orders",
                RegistrantClient.json(placeRequest(orderId, 2)), Map.of(RegistrantClient.ACCESS_CODE, "WRONGCODE1"));

        for (Response repeat : java.util.List.of(withoutCode, wrongCode)) {
            // Still idempotent (a client whose first answer was lost learns the order is placed)...
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
            assertThat(repeat.header(ConsistencyToken.HEADER)).isEqualTo(first.header(ConsistencyToken.HEADER));
            assertThat(repeat.body().path("orderId").asString()).isEqualTo(orderId.toString());
            // ...but whoever guessed the order's id and seats does not get its code.
            assertThat(repeat.body().has("accessCode")).isFalse();
            assertThat(repeat.text()).doesNotContain(accessCode);
        }
        assertThat(probe.events(orderId)).as("appended by the registrant's requests")
                .filteredOn(e -> "registrant".equals(e.metadata().user())).hasSize(2);
    }

    @Test
    void the_same_order_id_with_other_seats_is_a_conflict() {
        UUID orderId = UUID.randomUUID();
        registrant.placeOrder(conference.id(), orderId, general, 2);

        assertProblem(registrant.placeOrder(conference.id(), orderId, general, 3), 409, "order-already-placed");

        // (The reservation may be marked meanwhile: only the registrant's own events count here.)
        assertThat(probe.events(orderId)).filteredOn(e -> "registrant".equals(e.metadata().user())).hasSize(2);
    }

    @Test
    void an_unknown_conference_is_404() {
        UUID orderId = UUID.randomUUID();
        assertProblem(registrant.placeOrder(UUID.randomUUID(), orderId, general, 1), 404, "unknown-conference");
        assertNothingHappened(orderId);
    }

    @Test
    void an_unpublished_conference_takes_no_orders() {
        PublishedConference unpublished = upstream().announceConference(Duration.ofMinutes(15), false,
                new SeatTypeSpec("General", 10, Money.of("10.00", "EUR")));
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.catalogued(unpublished.id(), 1));
        UUID orderId = UUID.randomUUID();

        assertProblem(registrant.placeOrder(unpublished.id(), orderId, unpublished.seatType(), 1), 422,
                "conference-not-published");
        assertNothingHappened(orderId);
    }

    @Test
    void an_unknown_seat_type_is_a_rule_violation() {
        UUID orderId = UUID.randomUUID();
        assertProblem(registrant.placeOrder(conference.id(), orderId, UUID.randomUUID(), 1), 422, "unknown-seat-type");
        assertNothingHappened(orderId);
    }

    @Test
    void zero_and_negative_quantities_are_invalid_fields() {
        UUID orderId = UUID.randomUUID();
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, 0), "validation-failed", "seats[0].quantity");
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, 1, general, -2), "validation-failed",
                "seats[1].quantity");
        assertNothingHappened(orderId);
    }

    @Test
    void more_than_twenty_seats_of_a_type_are_too_many() {
        UUID orderId = UUID.randomUUID();
        assertProblem(registrant.placeOrder(conference.id(), orderId, general, 21), 422, "too-many-seats");
        // A seat type named twice is refused before anything is added up (each seat type once, its whole quantity).
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, 12, general, 9), "validation-failed",
                "seats[1].seatTypeId");
        assertNothingHappened(orderId);
    }

    @Test
    void missing_and_empty_fields_are_invalid() {
        String path = "/api/conferences/" + conference.id() + "/orders";
        assertInvalid(registrant.send("POST", path, "{\"seats\":[{\"seatTypeId\":\"" + general + "\",\"quantity\":1}]}",
                Map.of()), "validation-failed", "orderId");
        UUID orderId = UUID.randomUUID();
        assertInvalid(registrant.send("POST", path, "{\"orderId\":\"" + orderId + "\",\"seats\":[]}", Map.of()),
                "validation-failed", "seats");
        assertInvalid(registrant.send("POST", path, "{\"orderId\":\"" + orderId + "\"}", Map.of()),
                "validation-failed", "seats");
        assertInvalid(registrant.send("POST", path, "{\"orderId\":\"" + orderId + "\",\"seats\":[{\"quantity\":1}]}",
                Map.of()), "validation-failed", "seats[0].seatTypeId");
        assertNothingHappened(orderId);
    }

    @Test
    void malformed_ids_and_json_are_malformed_requests() {
        String path = "/api/conferences/" + conference.id() + "/orders";
        assertInvalid(registrant.send("POST", path,
                "{\"orderId\":\"not-a-uuid\",\"seats\":[{\"seatTypeId\":\"" + general + "\",\"quantity\":1}]}", Map.of()),
                "malformed-request", "orderId");
        UUID orderId = UUID.randomUUID();
        assertInvalid(registrant.send("POST", path, "{\"orderId\":\"" + orderId
                + "\",\"seats\":[{\"seatTypeId\":\"" + general + "\",\"quantity\":\"two\"}]}", Map.of()),
                "malformed-request", "seats[0].quantity");
        assertInvalid(registrant.send("POST", "/api/conferences/not-a-uuid/orders",
                RegistrantClient.json(Map.of("orderId", orderId)), Map.of()), "malformed-request", "conferenceId");
        assertProblem(registrant.send("POST", path, "{\"orderId\": ", Map.of()), 400, "malformed-request");
        assertProblem(registrant.send("POST", path, null, Map.of()), 400, "malformed-request");
        assertProblem(registrant.send("POST", path, "orderId=1", Map.of("Content-Type", "text/plain")), 415,
                "unsupported-media-type");
        assertNothingHappened(orderId);
    }

    @Test
    void unknown_paths_and_methods_are_problems_too() {
        assertProblem(registrant.send("GET", "/api/nothing-here", null, Map.of()), 404, "not-found");
        assertProblem(registrant.send("DELETE", "/api/conferences/" + conference.id() + "/orders", null, Map.of()), 405,
                "method-not-allowed");
    }

    @Test
    void the_openapi_description_is_served() {
        Response docs = registrant.send("GET", "/v3/api-docs", null, Map.of());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/conferences/{conferenceId}/orders")).isTrue();
        assertThat(docs.body().path("paths").has("/api/orders/{orderId}/seat-assignments/{position}")).isTrue();
        // the container's error page is no operation of the API
        assertThat(docs.body().path("paths").has("/error")).isFalse();
        // the rules the fuzz test mutates from: whole seats from 1, emails by the platform's rule
        var schemas = docs.body().path("components").path("schemas");
        assertThat(schemas.path("SeatRequest").path("properties").path("quantity").path("minimum").asInt()).isEqualTo(1);
        assertThat(schemas.path("PersonRequest").path("properties").path("email").path("format").asString())
                .isEqualTo("email");
        assertThat(schemas.path("FindOrderRequest").path("properties").path("email").path("format").asString())
                .isEqualTo("email");
    }

    private Map<String, Object> placeRequest(UUID orderId, int quantity) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("orderId", orderId);
        body.putAll(RegistrantClient.seats(general, quantity));
        return body;
    }

    private void assertNothingHappened(UUID orderId) {
        assertThat(probe.events(orderId)).isEmpty();
        assertThat(probe.count("SELECT count(*) FROM order_access WHERE order_id = ?", orderId)).isZero();
        assertThat(probe.remaining(conference.id(), general)).isEqualTo(50);
    }
}
