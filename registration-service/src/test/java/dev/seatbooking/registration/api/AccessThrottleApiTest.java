package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guessing access codes is throttled per order and per client address: after a few wrong codes within a short window
 * every check, the right code too, answers 429 with a Retry-After, until the lock ends — which the tests let happen by
 * moving the service's clock past the window. An instance of its own; each test is other clients
 * ({@code 127.0.0.x}) and other orders.
 */
class AccessThrottleApiTest {

    private static final int PER_ORDER = 3;
    private static final int PER_CLIENT = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static final String TOPIC_PREFIX = TestService.newTopicPrefix();
    private static TestService service;
    private static UpstreamServices upstream;
    private static PublishedConference conference;

    @BeforeAll
    static void start() {
        service = TestService.start(TestPostgres.newDatabase("registration_throttle"), TOPIC_PREFIX, Map.of(
                "registration.access-throttle.failures-per-order", PER_ORDER,
                "registration.access-throttle.failures-per-client", PER_CLIENT,
                "registration.access-throttle.window", WINDOW.toMillis() + "ms",
                "registration.access-throttle.max-order-lockout", WINDOW.toMillis() + "ms",
                "registration.access-throttle.max-client-lockout", WINDOW.toMillis() + "ms"));
        upstream = new UpstreamServices(TestKafka.bootstrapServers(), TOPIC_PREFIX);
        conference = upstream.publishConference(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 100, Money.of("0.00", "EUR")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                service.probe().onSale(conference.id(), Map.of(conference.seatType(), 100)));
    }

    @AfterEach
    void backToRealTime() {
        TestClock.INSTANCE.reset();
    }

    @AfterAll
    static void stop() {
        if (upstream != null) upstream.close();
        if (service != null) service.close();
    }

    @Test
    void a_burst_of_wrong_codes_locks_the_order_for_everyone_the_right_code_too_until_the_window_has_passed() {
        RegistrantClient registrant = client("127.0.0.2");
        RegistrantClient attacker = client("127.0.0.3");
        Placed order = place(registrant);

        for (int i = 0; i < PER_ORDER; i++) {
            assertProblem(attacker.getOrder(order.id(), "WRONGCODE" + i), 404, "not-found");
        }

        assertThrottled(attacker.getOrder(order.id(), "WRONGCODE9"));
        assertThrottled(attacker.getOrder(order.id(), order.accessCode()));
        assertThrottled(registrant.getOrder(order.id(), order.accessCode()));
        assertThrottled(registrant.put(order.path("/seats"), RegistrantClient.seats(conference.seatType(), 2),
                order.accessCode()));

        service.probe().timePasses(WINDOW.minusSeconds(5));
        assertThrottled(registrant.getOrder(order.id(), order.accessCode()));
        service.probe().timePasses(Duration.ofSeconds(5));
        assertThat(registrant.getOrder(order.id(), order.accessCode()).status()).isEqualTo(200);
    }

    @Test
    void a_client_with_too_many_wrong_codes_is_locked_out_of_every_order_while_other_clients_are_not() {
        RegistrantClient registrant = client("127.0.0.4");
        RegistrantClient prober = client("127.0.0.5");
        Placed order = place(registrant);

        for (int i = 0; i < PER_CLIENT; i++) {
            assertProblem(prober.getOrder(UUID.randomUUID(), "WRONGCODE1"), 404, "not-found");
        }

        assertThrottled(prober.getOrder(UUID.randomUUID(), "WRONGCODE1"));
        assertThrottled(prober.getOrder(order.id(), order.accessCode()));
        assertThat(registrant.getOrder(order.id(), order.accessCode()).status()).isEqualTo(200);

        windowPasses();
        assertThat(prober.getOrder(order.id(), order.accessCode()).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_order_is_throttled_like_a_known_one_so_the_throttle_tells_no_ids_apart() {
        Placed order = place(client("127.0.0.6"));
        UUID unknown = UUID.randomUUID();
        RegistrantClient one = client("127.0.0.7");
        RegistrantClient other = client("127.0.0.8");

        for (int i = 0; i < PER_ORDER; i++) {
            Response known = one.getOrder(order.id(), "WRONGCODE" + i);
            Response notThere = other.getOrder(unknown, "WRONGCODE" + i);
            assertProblem(known, 404, "not-found");
            assertProblem(notThere, 404, "not-found");
            assertThat(notThere.text().replace(unknown.toString(), "ID"))
                    .isEqualTo(known.text().replace(order.id().toString(), "ID"));
        }
        assertThrottled(one.getOrder(order.id(), "WRONGCODE9"));
        assertThrottled(other.getOrder(unknown, "WRONGCODE9"));
    }

    @Test
    void wrong_codes_on_a_repeated_place_request_count_too() {
        RegistrantClient registrant = client("127.0.0.9");
        RegistrantClient attacker = client("127.0.0.10");
        Placed order = place(registrant);

        for (int i = 0; i < PER_ORDER; i++) {
            Response repeat = repeatPlace(attacker, order, "WRONGCODE" + i);
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.body().has("accessCode")).isFalse();
        }

        assertThrottled(repeatPlace(attacker, order, order.accessCode()));
        assertThrottled(registrant.getOrder(order.id(), order.accessCode()));
        windowPasses();
        Response repeat = repeatPlace(registrant, order, order.accessCode());
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body().path("accessCode").asString()).isEqualTo(order.accessCode());
    }

    @Test
    void looking_orders_up_with_wrong_codes_locks_the_client_out_of_lookups_the_right_one_too() {
        RegistrantClient registrant = client("127.0.0.11");
        RegistrantClient guesser = client("127.0.0.12");
        Placed order = place(registrant);
        Response named = registrant.put(order.path("/registrant"),
                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"), order.accessCode());
        assertThat(named.status()).as(named.text()).isEqualTo(202);
        Map<String, String> right = Map.of("email", "ada@example.org", "accessCode", order.accessCode());

        for (int i = 0; i < PER_CLIENT; i++) {
            assertProblem(guesser.post("/api/orders/lookup",
                    Map.of("email", "ada@example.org", "accessCode", "WRONGCODE" + i), null), 404, "not-found");
        }

        assertThrottled(guesser.post("/api/orders/lookup", right, null));
        assertThat(registrant.post("/api/orders/lookup", right, null).status()).isEqualTo(200);
        windowPasses();
        assertThat(guesser.post("/api/orders/lookup", right, null).status()).isEqualTo(200);
    }

    /** A lock lasts one window (locks do not grow here: the longest lock is the window). */
    private static void windowPasses() {
        service.probe().timePasses(WINDOW);
    }

    private static void assertThrottled(Response response) {
        assertProblem(response, 429, "too-many-requests");
        assertThat(response.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, (int) WINDOW.toSeconds()));
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }

    private static RegistrantClient client(String loopbackAddress) {
        return RegistrantClient.from(loopbackAddress, service.port());
    }

    private static Placed place(RegistrantClient registrant) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    private static Response repeatPlace(RegistrantClient client, Placed order, String accessCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", order.id());
        body.put("seats", List.of(Map.of("seatTypeId", conference.seatType(), "quantity", 1)));
        return client.send("POST", "/api/conferences/" + conference.id() + "/orders", RegistrantClient.json(body),
                Map.of(RegistrantClient.ACCESS_CODE, accessCode));
    }
}
