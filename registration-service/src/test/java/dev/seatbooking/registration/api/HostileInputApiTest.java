package dev.seatbooking.registration.api;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an attacker or a careless client sends: quantities that overflow when added up, repeated seat types, numbers
 * that are no integers, positions in other notations, empty ids, emails without a real domain, control characters and
 * NUL (which PostgreSQL refuses in text and jsonb). Each is a 400 naming the field, never a 5xx, and changes nothing.
 */
class HostileInputApiTest extends RegistrationServiceTest {

    private static final int MAX = Integer.MAX_VALUE;

    private PublishedConference conference;
    private UUID general;
    private UUID workshop;

    @BeforeEach
    void a_conference_on_sale() {
        conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 50, Money.of("0.00", "EUR")),
                new SeatTypeSpec("Workshop", 50, Money.of("0.00", "EUR")));
        general = conference.seatTypes().get(0);
        workshop = conference.seatTypes().get(1);
    }

    @Test
    void lines_of_one_seat_type_whose_sum_overflows_are_refused_before_anything_is_added() {
        UUID orderId = UUID.randomUUID();

        // Used to be a 500 (MAX + 2 wrapped around to a negative quantity)...
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, MAX, general, 2),
                "validation-failed", "seats[1].seatTypeId");
        // ...and an order for 2 seats (MAX + MAX + 4 wrapped around to 2).
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, MAX, general, MAX, general, 4),
                "validation-failed", "seats[1].seatTypeId");
        assertInvalid(registrant.placeOrder(conference.id(), orderId, general, 1, workshop, 1, general, 1),
                "validation-failed", "seats[2].seatTypeId");
        // One line over the cap is a business rule, as ever.
        assertProblem(registrant.placeOrder(conference.id(), orderId, general, MAX), 422, "too-many-seats");

        assertNothingPlaced(orderId);
    }

    @Test
    void an_update_whose_lines_overflow_does_not_empty_the_order() {
        Placed order = placeReserved(general, 2);
        int version = probe.events(order.id()).size();

        // Used to answer 202 and leave the order without seats (MAX + MAX + 2 is 0 in int arithmetic).
        assertInvalid(registrant.put(order.path("/seats"), RegistrantClient.seats(general, MAX, general, MAX, general, 2),
                order.accessCode()), "validation-failed", "seats[1].seatTypeId");
        assertProblem(registrant.put(order.path("/seats"), RegistrantClient.seats(general, MAX), order.accessCode()),
                422, "too-many-seats");

        assertThat(probe.events(order.id())).hasSize(version);
        assertThat(probe.seatsHeld(order.id())).isEqualTo(2);
    }

    @Test
    void quantities_are_json_integers_within_range() {
        UUID orderId = UUID.randomUUID();
        // 1.5 used to be read as 1, "2" as 2.
        for (String quantity : List.of("1.5", "1.0", "1e0", "\"2\"", "2147483648", "9223372036854775808", "true",
                "[1]", "{}")) {
            assertInvalid(registrant.send("POST", ordersPath(), placeJson(orderId, quantity), Map.of()),
                    "malformed-request", "seats[0].quantity");
        }
        assertInvalid(registrant.send("POST", ordersPath(), placeJson(orderId, "null"), Map.of()),
                "validation-failed", "seats[0].quantity");
        assertNothingPlaced(orderId);
    }

    @Test
    void empty_and_blank_ids_are_refused() {
        UUID orderId = UUID.randomUUID();
        assertInvalid(registrant.send("POST", ordersPath(), "{\"orderId\":\"\",\"seats\":[{\"seatTypeId\":\"" + general
                + "\",\"quantity\":1}]}", Map.of()), "malformed-request", "orderId");
        assertInvalid(registrant.send("POST", ordersPath(), "{\"orderId\":\"" + orderId
                + "\",\"seats\":[{\"seatTypeId\":\" \",\"quantity\":1}]}", Map.of()), "malformed-request",
                "seats[0].seatTypeId");
        assertInvalid(registrant.send("POST", ordersPath(), "{\"orderId\":\" " + orderId
                + "\",\"seats\":[{\"seatTypeId\":\"" + general + "\",\"quantity\":1}]}", Map.of()),
                "malformed-request", "orderId");
        assertInvalid(registrant.send("POST", ordersPath(), "{\"orderId\":\"\\u0000\",\"seats\":[{\"seatTypeId\":\""
                + general + "\",\"quantity\":1}]}", Map.of()), "malformed-request", "orderId");
        assertInvalid(registrant.send("POST", "/api/conferences/%20/orders",
                RegistrantClient.json(placeBody(orderId, general, 1)), Map.of()), "malformed-request", "conferenceId");
        assertInvalid(registrant.send("GET", "/api/orders/%20", null, Map.of()), "malformed-request", "orderId");
        assertInvalid(registrant.send("GET", "/api/orders/%20" + orderId, null, Map.of()), "malformed-request",
                "orderId");
        assertNothingPlaced(orderId);
    }

    @Test
    void positions_are_plain_decimal_numbers_within_range() {
        UUID orderId = UUID.randomUUID();
        for (String position : List.of("0x0", "+0", "%200", "0%20", "00", "-0", "1e0", "1.0", "%E2%82%81", "%D9%A1",
                "2147483648", "first")) {
            assertInvalid(registrant.delete("/api/orders/" + orderId + "/seat-assignments/" + position, "WRONGCODE1"),
                    "malformed-request", "position");
        }
        assertInvalid(registrant.delete("/api/orders/" + orderId + "/seat-assignments/10001", "WRONGCODE1"),
                "validation-failed", "position");
        assertInvalid(registrant.delete("/api/orders/" + orderId + "/seat-assignments/-1", "WRONGCODE1"),
                "validation-failed", "position");
        // A plain number passes the edge (and then meets the access check).
        assertProblem(registrant.delete("/api/orders/" + orderId + "/seat-assignments/0", "WRONGCODE1"), 404,
                "not-found");
    }

    @Test
    void emails_need_a_real_domain_and_names_no_control_characters() {
        Placed order = placeReserved(general, 1);
        int version = probe.events(order.id()).size();

        for (String email : List.of("a@b", "william@invalid", "ada@example.c", "ada@@example.org", "ada@example..org",
                ".ada@example.org", "ada lovelace@example.org", "ada@example.org\n", "ada@exa\u0000mple.org",
                "a".repeat(245) + "@example.org")) {
            assertInvalid(registrant.put(order.path("/registrant"), person("Ada", "Lovelace", email), order.accessCode()),
                    "validation-failed", "email");
        }
        for (String name : List.of("Ada\u0000", "A\nda", "Ada\t", "Ada\u007F", "\u001B[31mAda")) {
            assertInvalid(registrant.put(order.path("/registrant"), person(name, "Lovelace", "ada@example.org"),
                    order.accessCode()), "validation-failed", "firstName");
            assertInvalid(registrant.put(order.path("/registrant"), person("Ada", name, "ada@example.org"),
                    order.accessCode()), "validation-failed", "lastName");
        }
        assertThat(probe.events(order.id())).hasSize(version);

        Response named = registrant.put(order.path("/registrant"), person("Zoë", "O'Brien-Łukasiewicz",
                "zoe.o+conf@mail.example.co.uk"), order.accessCode());
        assertThat(named.status()).as(named.text()).isEqualTo(202);
    }

    @Test
    void nul_anywhere_in_a_request_is_a_400_naming_the_field_never_a_500() {
        Placed order = placeReserved(general, 1);
        int version = probe.events(order.id()).size();

        assertInvalid(registrant.post("/api/orders/lookup", Map.of("email", "ada@example.org", "accessCode",
                "ABC\u0000DEF"), null), "validation-failed", "accessCode");
        assertInvalid(registrant.post("/api/orders/lookup", Map.of("email", "ada\u0000@example.org", "accessCode",
                order.accessCode()), null), "validation-failed", "email");
        // the JSON reader stops at the first of the three it meets
        assertThat(assertProblem(registrant.put(order.path("/registrant"), person("\u0000", "\u0000", "\u0000"),
                order.accessCode()), 400, "validation-failed").body().path("errors").get(0).path("field").asString())
                .isIn("firstName", "lastName", "email");
        assertInvalid(registrant.put("/api/orders/" + order.id() + "/seat-assignments/0",
                person("Grace\u0000", "Hopper", "grace@example.org"), order.accessCode()), "validation-failed",
                "firstName");
        // Escaped in the JSON: a string holding NUL; raw: no JSON at all.
        assertInvalid(registrant.send("POST", ordersPath(), "{\"orderId\":\"" + UUID.randomUUID()
                + "\",\"seats\":[{\"seatTypeId\":\"" + general + "\\u0000\",\"quantity\":1}]}", Map.of()),
                "malformed-request", "seats[0].seatTypeId");
        assertProblem(registrant.send("POST", ordersPath(), "{\"orderId\":\"" + UUID.randomUUID()
                + "\",\"seats\":[{\"seatTypeId\":\"" + general + "\u0000\",\"quantity\":1}]}", Map.of()),
                400, "malformed-request");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    private String placeJson(UUID orderId, String quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"seats\":[{\"seatTypeId\":\"" + general + "\",\"quantity\":"
                + quantity + "}]}";
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }

    private Placed place(UUID seatType, int quantity) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, seatType, quantity);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    /** Placed, and its reservation done: nothing else changes the order unless a request does. */
    private Placed placeReserved(UUID seatType, int quantity) {
        Placed order = place(seatType, quantity);
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.status(order.id()) == OrderStatus.RESERVATION_COMPLETED);
        return order;
    }

    private String ordersPath() {
        return "/api/conferences/" + conference.id() + "/orders";
    }

    private static Map<String, Object> placeBody(UUID orderId, UUID seatType, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.putAll(RegistrantClient.seats(seatType, quantity));
        return body;
    }

    private static Map<String, String> person(String firstName, String lastName, String email) {
        return Map.of("firstName", firstName, "lastName", lastName, "email", email);
    }

    private void assertNothingPlaced(UUID orderId) {
        assertThat(probe.events(orderId)).isEmpty();
        assertThat(probe.count("SELECT count(*) FROM order_access WHERE order_id = ?", orderId)).isZero();
        assertThat(probe.remaining(conference.id(), general)).isEqualTo(50);
        assertThat(probe.remaining(conference.id(), workshop)).isEqualTo(50);
    }
}
