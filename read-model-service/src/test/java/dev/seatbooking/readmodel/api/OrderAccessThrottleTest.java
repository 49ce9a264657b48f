package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.anyAddress;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.code;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.from;
import static dev.seatbooking.readmodel.support.Samples.accessCode;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing access codes is slowed: failed checks are counted per client and per order (per email for lookups), 20 in
 * a 2 s window in these tests; past that every attempt is a 429 with Retry-After, with the right code too, until the
 * window ends. (Issue 11, finding 5, on the read side.)
 */
class OrderAccessThrottleTest extends ReadModelTest {

    static final int FAILURES = 20;

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    Projections projections;

    final EventPublisher events = EventPublisher.shared();

    UUID id;
    String email;

    @BeforeEach
    void anOrder() throws Exception {
        Stream order = Stream.random();
        id = order.id();
        email = "throttle-" + id + "@example.com";
        events.publish(order.next(orderPlaced(id, UUID.randomUUID(), seats(UUID.randomUUID(), 1))),
                order.next(new OrderRegistrantAssigned(id, "Kevin", "Mitnick", email)));
        CatchUp.await(lifecycle, projections);
    }

    MockHttpServletRequestBuilder read(UUID orderId, String client) {
        return get("/api/draft-orders/" + orderId).with(from(client));
    }

    static void throttled(ResultActions answer) throws Exception {
        answer.andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, matchesPattern("[12]")))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/too-many-requests"))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void a_client_that_fails_too_often_is_refused_even_with_the_right_code_until_its_window_ends() throws Exception {
        String guesser = anyAddress();
        for (int i = 0; i < FAILURES; i++) {
            mvc.perform(read(UUID.randomUUID(), guesser).with(code("GUESS" + i))).andExpect(status().isNotFound());
        }

        throttled(mvc.perform(read(id, guesser).with(codeOf(id))));
        throttled(mvc.perform(read(UUID.randomUUID(), guesser).with(code("GUESS"))));
        mvc.perform(read(id, anyAddress()).with(codeOf(id))).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(read(id, guesser).with(codeOf(id))).andExpect(status().isOk()));
    }

    @Test
    void an_order_guessed_at_from_many_clients_is_refused_to_all_until_its_window_ends() throws Exception {
        for (int i = 0; i < FAILURES; i++) {
            mvc.perform(read(id, anyAddress()).with(code("GUESS" + i))).andExpect(status().isNotFound());
        }

        String registrant = anyAddress();
        throttled(mvc.perform(read(id, registrant).with(codeOf(id))));
        throttled(mvc.perform(get("/api/order-seats/" + id).with(from(registrant)).with(codeOf(id))));
        mvc.perform(read(UUID.randomUUID(), registrant).with(code("GUESS"))).andExpect(status().isNotFound());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(read(id, registrant).with(codeOf(id))).andExpect(status().isOk()));
    }

    @Test
    void an_unknown_order_is_throttled_like_a_known_one() throws Exception {
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < FAILURES; i++) {
            mvc.perform(read(unknown, anyAddress()).with(code("GUESS" + i))).andExpect(status().isNotFound());
        }
        throttled(mvc.perform(read(unknown, anyAddress()).with(code("GUESS"))));
    }

    @Test
    void find_my_order_lookups_are_counted_per_email() throws Exception {
        for (int i = 0; i < FAILURES; i++) {
            mvc.perform(lookup(email.toUpperCase(), "GUESS" + i, anyAddress())).andExpect(status().isNotFound());
        }

        String registrant = anyAddress();
        throttled(mvc.perform(lookup(email, accessCode(id), registrant)));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(lookup(email, accessCode(id), registrant)).andExpect(status().isOk()));
    }

    MockHttpServletRequestBuilder lookup(String email, String accessCode, String client) {
        return post("/api/draft-orders/lookup").with(from(client)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"" + email + "\", \"accessCode\": \"" + accessCode + "\"}");
    }
}
