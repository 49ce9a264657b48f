package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order's life through the API (access code, seats, registrant, free confirmation, lookup, seat assignments), and
 * every bad request on the way answered with its problem and without effect.
 */
class OrderLifecycleApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofMinutes(15);

    private PublishedConference conference;
    private UUID paid;
    private UUID free;

    @BeforeEach
    void a_conference_on_sale() {
        conference = conferenceOnSale(HOLD,
                new SeatTypeSpec("General", 20, Money.of("100.00", "EUR")),
                new SeatTypeSpec("Community", 20, Money.of("0.00", "EUR")));
        paid = conference.seatTypes().get(0);
        free = conference.seatTypes().get(1);
    }

    @Test
    void order_specific_requests_need_the_orders_access_code() {
        Placed order = reserved(place(paid, 1));

        assertProblem(registrant.getOrder(order.id(), null), 404, "not-found");
        assertProblem(registrant.getOrder(order.id(), "WRONGCODE1"), 404, "not-found");
        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(paid, 2), "WRONGCODE1"), 404,
                "not-found");
        assertProblem(registrant.get(order.path("/seat-assignments"), null), 404, "not-found");
        assertProblem(registrant.getOrder(UUID.randomUUID(), order.accessCode()), 404, "not-found");
        assertProblem(registrant.get("/api/orders/not-a-uuid", order.accessCode()), 400, "malformed-request");

        Response read = registrant.getOrder(order.id(), order.accessCode());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("conferenceId").asString()).isEqualTo(conference.id().toString());
        assertThat(read.body().path("version").asInt()).isEqualTo(3);
        assertThat(probe.events(order.id())).hasSize(3);
    }

    @Test
    void an_unknown_order_a_missing_code_and_a_wrong_code_get_the_same_answer() {
        Placed order = place(paid, 1);
        UUID unknown = UUID.randomUUID();

        List<Response> answers = List.of(
                registrant.getOrder(unknown, order.accessCode()),
                registrant.getOrder(order.id(), null),
                registrant.getOrder(order.id(), "WRONGCODE1"),
                registrant.getOrder(order.id(), order.accessCode().toLowerCase()));

        for (Response answer : answers) assertProblem(answer, 404, "not-found");
        Response first = answers.getFirst();
        for (Response answer : answers) {
            assertThat(withoutInstance(answer)).isEqualTo(withoutInstance(first));
            assertThat(comparableHeaders(answer)).isEqualTo(comparableHeaders(first));
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.text()).doesNotContain(order.accessCode()));
        // Commands too, and the seat assignments.
        assertThat(withoutInstance(registrant.post("/api/orders/" + unknown + "/confirmation", null, "WRONGCODE1")))
                .isEqualTo(withoutInstance(registrant.post(order.path("/confirmation"), null, "WRONGCODE1")));
        assertThat(withoutInstance(registrant.get("/api/orders/" + unknown + "/seat-assignments", null)))
                .isEqualTo(withoutInstance(registrant.get(order.path("/seat-assignments"), null)));
    }

    @Test
    void the_seats_of_a_held_order_can_change_and_the_same_seats_again_change_nothing() {
        Placed order = reserved(place(paid, 1));

        Response updated = registrant.put(order.path("/seats"), RegistrantClient.seats(paid, 3, free, 1), order.accessCode());

        assertThat(updated.status()).isEqualTo(202);
        assertThat(updated.header("Location")).hasValue("/api/orders/" + order.id());
        ConsistencyToken token = ConsistencyToken.parse(updated.header(ConsistencyToken.HEADER).orElseThrow());
        assertThat(token.streamId()).isEqualTo(order.id());
        assertThat(token.version()).isEqualTo(probe.events(order.id()).size());
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.RESERVATION_COMPLETED
                && probe.seatsHeld(order.id()) == 4);
        assertThat(probe.remaining(conference.id(), paid)).isEqualTo(17);
        assertThat(probe.remaining(conference.id(), free)).isEqualTo(19);
        int version = probe.events(order.id()).size();

        Response same = registrant.put(order.path("/seats"), RegistrantClient.seats(free, 1, paid, 3), order.accessCode());

        assertThat(same.status()).isEqualTo(202);
        assertThat(same.header(ConsistencyToken.HEADER)).hasValue(order.id() + "." + version);
        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void bad_seat_changes_are_refused_and_change_nothing() {
        Placed order = reserved(place(paid, 1));
        int version = probe.events(order.id()).size();

        assertInvalid(registrant.put(order.path("/seats"), RegistrantClient.seats(paid, 0), order.accessCode()),
                "validation-failed", "seats[0].quantity");
        assertInvalid(registrant.put(order.path("/seats"), Map.of("seats", java.util.List.of()), order.accessCode()),
                "validation-failed", "seats");
        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(UUID.randomUUID(), 1),
                order.accessCode()), 422, "unknown-seat-type");
        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(paid, 25), order.accessCode()), 422,
                "too-many-seats");
        assertProblem(registrant.put("/api/orders/" + UUID.randomUUID() + "/seats", RegistrantClient.seats(paid, 1),
                order.accessCode()), 404, "not-found");

        assertThat(probe.events(order.id())).hasSize(version);
        assertThat(probe.remaining(conference.id(), paid)).isEqualTo(19);
    }

    @Test
    void a_paid_order_cannot_be_confirmed_without_payment() {
        Placed order = reserved(place(paid, 1));
        int version = probe.events(order.id()).size();

        assertProblem(registrant.post(order.path("/confirmation"), null, order.accessCode()), 422, "payment-required");

        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void an_order_whose_seats_are_not_reserved_yet_is_not_confirmed_free_or_not() {
        Placed freeOrder;
        Placed paidOrder;
        try (Paused reservations = seatsAvailabilityPaused()) {
            freeOrder = place(free, 1);
            paidOrder = place(paid, 1);

            assertProblem(registrant.post(freeOrder.path("/confirmation"), null, freeOrder.accessCode()), 409,
                    "order-not-reserved");
            assertProblem(registrant.post(paidOrder.path("/confirmation"), null, paidOrder.accessCode()), 409,
                    "order-not-reserved");

            assertThat(probe.status(freeOrder.id())).isEqualTo(OrderStatus.PENDING_RESERVATION);
            assertThat(probe.events(freeOrder.id())).hasSize(2);
            assertThat(probe.events(paidOrder.id())).hasSize(2);
        }
        reserved(freeOrder); // nothing was lost while SeatsAvailability was paused
        reserved(paidOrder);
    }

    @Test
    void seat_assignments_do_not_exist_before_the_order_is_confirmed() {
        Placed order = reserved(place(free, 2));

        assertProblem(registrant.get(order.path("/seat-assignments"), order.accessCode()), 404,
                "unknown-seat-assignments");
    }

    @Test
    void bad_registrant_details_are_refused_and_change_nothing() {
        Placed order = reserved(place(free, 2));
        int version = probe.events(order.id()).size();

        assertInvalid(registrant.put(order.path("/registrant"), person("Ada", "Lovelace", "not-an-email"),
                order.accessCode()), "validation-failed", "email");
        assertInvalid(registrant.put(order.path("/registrant"), person(" ", "Lovelace", "ada@example.org"),
                order.accessCode()), "validation-failed", "firstName");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void a_free_order_is_confirmed_by_the_registrant_once_and_its_seats_are_sold() {
        Placed order = reserved(place(free, 2));
        assertThat(registrant.put(order.path("/registrant"), person("Ada", "Lovelace", "ada@example.org"),
                order.accessCode()).status()).isEqualTo(202);

        Response confirmed = registrant.post(order.path("/confirmation"), null, order.accessCode());
        Response again = registrant.post(order.path("/confirmation"), null, order.accessCode());

        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header(ConsistencyToken.HEADER)).isEqualTo(confirmed.header(ConsistencyToken.HEADER));
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.CONFIRMED);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).reservation(order.id()).isEmpty());
        assertThat(probe.remaining(conference.id(), free)).isEqualTo(18);
    }

    @Test
    void a_confirmed_order_is_final() {
        Placed order = confirmedFreeOrder();
        int version = probe.events(order.id()).size();

        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(free, 1), order.accessCode()), 409,
                "order-confirmed");
        assertProblem(registrant.put(order.path("/registrant"), person("Ada", "King", "ada@example.org"),
                order.accessCode()), 409, "order-confirmed");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void an_order_is_found_again_by_its_registrants_email_in_any_case_and_its_access_code() {
        Placed order = confirmedFreeOrder();

        Response found = registrant.post("/api/orders/lookup",
                Map.of("email", "ada@example.org", "accessCode", order.accessCode()), null);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("orderId").asString()).isEqualTo(order.id().toString());
        assertThat(found.body().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(found.body().path("registrant").path("lastName").asString()).isEqualTo("Lovelace");
    }

    @Test
    void a_lookup_with_a_wrong_code_finds_nothing_and_a_malformed_one_is_refused() {
        confirmedFreeOrder(); // an order with this email exists: only the code is wrong

        assertProblem(registrant.post("/api/orders/lookup",
                Map.of("email", "ada@example.org", "accessCode", "WRONGCODE1"), null), 404, "not-found");
        assertInvalid(registrant.post("/api/orders/lookup", Map.of("email", "nope", "accessCode", ""), null),
                "validation-failed", "email", "accessCode");
    }

    @Test
    void a_confirmed_order_has_one_seat_position_per_seat_bought() {
        Placed order = confirmedFreeOrder();

        Response seats = registrant.get(order.path("/seat-assignments"), order.accessCode());

        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.body().path("seatAssignmentsId").asString()).isEqualTo(SeatAssignments.idFor(order.id()).toString());
        assertThat(seats.body().path("seats").size()).isEqualTo(2);
    }

    @Test
    void an_attendee_is_assigned_to_a_seat_and_the_same_attendee_again_changes_nothing() {
        Placed order = confirmedFreeOrder();

        Response assigned = registrant.put(order.path("/seat-assignments/1"), person("Grace", "Hopper", "grace@example.org"),
                order.accessCode());
        Response reassignedSame = registrant.put(order.path("/seat-assignments/1"),
                person("Grace", "Hopper", "GRACE@example.org"), order.accessCode());

        assertThat(assigned.status()).isEqualTo(202);
        assertThat(assigned.header(ConsistencyToken.HEADER)).hasValue(SeatAssignments.idFor(order.id()) + ".2");
        assertThat(reassignedSame.header(ConsistencyToken.HEADER)).hasValue(SeatAssignments.idFor(order.id()) + ".2");
        assertThat(registrant.get(order.path("/seat-assignments"), order.accessCode()).body().path("seats").get(1)
                .path("attendee").path("email").asString()).isEqualTo("grace@example.org");
    }

    @Test
    void bad_seat_assignments_are_refused_and_change_nothing() {
        Placed order = confirmedFreeOrder();

        assertProblem(registrant.put(order.path("/seat-assignments/7"), person("Alan", "Turing", "alan@example.org"),
                order.accessCode()), 404, "unknown-seat-position");
        assertInvalid(registrant.put(order.path("/seat-assignments/-1"), person("Alan", "Turing", "alan@example.org"),
                order.accessCode()), "validation-failed", "position");
        assertInvalid(registrant.put(order.path("/seat-assignments/first"), person("Alan", "Turing", "alan@example.org"),
                order.accessCode()), "malformed-request", "position");
        assertInvalid(registrant.put(order.path("/seat-assignments/0"), person("Alan", "Turing", ""),
                order.accessCode()), "validation-failed", "email");
        assertProblem(registrant.put(order.path("/seat-assignments/0"), person("Alan", "Turing", "alan@example.org"),
                "WRONGCODE1"), 404, "not-found");

        assertThat(probe.events(SeatAssignments.idFor(order.id()))).hasSize(1);
    }

    @Test
    void an_assigned_seat_is_freed_again() {
        Placed order = confirmedFreeOrder();
        registrant.put(order.path("/seat-assignments/1"), person("Grace", "Hopper", "grace@example.org"),
                order.accessCode());

        Response unassigned = registrant.delete(order.path("/seat-assignments/1"), order.accessCode());

        assertThat(unassigned.status()).isEqualTo(202);
        assertThat(registrant.get(order.path("/seat-assignments"), order.accessCode()).body().path("seats").get(1)
                .path("attendee").isNull()).isTrue();
    }

    @Test
    void an_expired_order_takes_no_more_commands() {
        Placed order = reserved(place(paid, 1));
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.EXPIRED);
        int version = probe.events(order.id()).size();

        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(paid, 2),
                order.accessCode()), 409, "order-expired");
        assertProblem(registrant.put(order.path("/registrant"), person("Ada", "Lovelace", "ada@example.org"),
                order.accessCode()), 409, "order-expired");
        assertProblem(registrant.post(order.path("/confirmation"), null, order.accessCode()), 409, "order-expired");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    /** The problem without its instance (the path asked for, which the caller knows anyway). */
    private static JsonNode withoutInstance(Response answer) {
        ObjectNode body = ((ObjectNode) answer.body()).deepCopy();
        body.remove("instance");
        return body;
    }

    /** The answer's headers, but those that differ for every answer (date, the request's own correlation id). */
    private static Map<String, List<String>> comparableHeaders(Response answer) {
        Map<String, List<String>> headers = new TreeMap<>();
        answer.headers().forEach((name, values) -> {
            if (!Set.of("date", "correlation-id").contains(name.toLowerCase())) headers.put(name.toLowerCase(), values);
        });
        return headers;
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }

    private Placed reserved(Placed order) {
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.RESERVATION_COMPLETED);
        return order;
    }

    /** A free order of 2 seats, named (Ada Lovelace, Ada@Example.org) and confirmed, with its seat assignments. */
    private Placed confirmedFreeOrder() {
        Placed order = reserved(place(free, 2));
        assertThat(registrant.put(order.path("/registrant"), person("Ada", "Lovelace", "Ada@Example.org"),
                order.accessCode()).status()).isEqualTo(202);
        assertThat(registrant.post(order.path("/confirmation"), null, order.accessCode()).status()).isEqualTo(202);
        assertThat(probe.events(SeatAssignments.idFor(order.id()))).hasSize(1);
        return order;
    }

    private Placed place(UUID seatType, int quantity) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, seatType, quantity);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    private static Map<String, String> person(String firstName, String lastName, String email) {
        return Map.of("firstName", firstName, "lastName", lastName, "email", email);
    }
}
