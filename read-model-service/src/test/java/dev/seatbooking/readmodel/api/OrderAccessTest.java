package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderAccessRequests;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Snapshots;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.anyAddress;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.code;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.from;
import static dev.seatbooking.readmodel.support.Samples.accessCode;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An order id is no secret: every read of an order needs its access code, and nothing in an answer (status, type,
 * detail, headers, time taken) tells an unknown order from a wrong or missing code. The code is stored only hashed
 * and is in no answer. (Issue 11, finding 1.)
 */
class OrderAccessTest extends ReadModelTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID GENERAL = UUID.randomUUID();
    static final List<String> VIEWS = List.of("/api/draft-orders/", "/api/priced-orders/", "/api/order-seats/");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Projections projections;
    @Autowired
    ServingGenerations serving;

    final EventPublisher events = EventPublisher.shared();

    @Autowired
    ProjectionLifecycle lifecycle;

    Stream order;
    Stream assignments;

    @BeforeEach
    void aConfirmedOrderWithItsSeats() throws Exception {
        order = Stream.random();
        assignments = Stream.random();
        UUID id = order.id();
        Stream payment = Stream.random();
        events.publish(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 2))),
                order.next(totals(id, "25", seats(GENERAL, 2))),
                order.next(new OrderRegistrantAssigned(id, "Grace", "Hopper", "grace-" + id + "@example.com")),
                payment.next(new PaymentInitiated(payment.id(), id, CONFERENCE, Money.of("50", "EUR"))),
                order.next(new OrderConfirmed(id, false)),
                assignments.next(new SeatAssignmentsCreated(assignments.id(), id,
                        List.of(new SeatPosition(0, GENERAL), new SeatPosition(1, GENERAL)))),
                assignments.next(new SeatAssigned(assignments.id(), id, 0, GENERAL,
                        new PersonalInfo("Grace", "Hopper", "grace@example.com"))));
        // Caught up without asking: reads before that would be failed checks, counted by the throttle.
        CatchUp.await(lifecycle, projections);
    }

    MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** From an address of its own: the checks this test fails on purpose are counted per client, too. */
    MockHttpServletRequestBuilder read(String view, UUID orderId) {
        return get(view + orderId).with(from(anyAddress()));
    }

    /**
     * What a refusal shows, but the order id it names (the caller chose it) and the request's correlation id (made
     * for each request that came without one).
     */
    record Shown(int status, Map<String, List<String>> headers, String body) {
        static Shown of(MockHttpServletResponse response, UUID orderId) throws Exception {
            Map<String, List<String>> headers = new TreeMap<>();
            for (String name : response.getHeaderNames()) headers.put(name.toLowerCase(), response.getHeaders(name));
            headers.remove("correlation-id");
            return new Shown(response.getStatus(), headers,
                    response.getContentAsString().replace(orderId.toString(), "{orderId}"));
        }
    }

    @Test
    void an_unknown_order_a_missing_code_and_a_wrong_code_get_the_same_404_from_every_view() throws Exception {
        UUID id = order.id();
        UUID unknown = UUID.randomUUID();
        for (String view : VIEWS) {
            Shown unknownOrder = Shown.of(perform(read(view, unknown).with(codeOf(id))), unknown);
            Shown noCode = Shown.of(perform(read(view, id)), id);
            Shown wrongCode = Shown.of(perform(read(view, id).with(code(accessCode(unknown)))), id);
            Shown blankCode = Shown.of(perform(read(view, id).with(code(" "))), id);

            assertThat(unknownOrder.status()).as(view).isEqualTo(404);
            assertThat(unknownOrder.headers()).as(view)
                    .containsEntry("content-type", List.of(MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .doesNotContainKeys("etag", "consistency", "consistency-token");
            assertThat(unknownOrder.body()).as(view)
                    .contains("\"type\":\"https://seatbooking.dev/problems/not-found\"")
                    .contains("\"detail\":\"No order {orderId} with this access code\"");
            assertThat(List.of(noCode, wrongCode, blankCode)).as(view).containsOnly(unknownOrder);
        }
    }

    @Test
    void the_right_code_opens_every_view_and_no_answer_holds_the_code() throws Exception {
        UUID id = order.id();
        for (String view : VIEWS) {
            MockHttpServletResponse answer = perform(read(view, id).with(codeOf(id)));
            assertThat(answer.getStatus()).as(view).isEqualTo(200);
            assertThat(answer.getContentAsString()).as(view).doesNotContain(accessCode(id)).doesNotContain("accessCode");
            assertThat(answer.getHeaders(HttpHeaders.VARY)).as(view).contains(OrderAccessRequests.HEADER);
        }
        mvc.perform(read("/api/draft-orders/", id).with(code("  " + accessCode(id) + " ")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registrant.lastName").value("Hopper"));
        mvc.perform(read("/api/draft-orders/", id).with(code(accessCode(id).toLowerCase())))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_revalidation_needs_the_code_too_so_a_304_never_confirms_an_order() throws Exception {
        UUID id = order.id();
        for (String view : VIEWS) {
            String etag = perform(read(view, id).with(codeOf(id))).getHeader(HttpHeaders.ETAG);
            assertThat(etag).as(view).isNotBlank();

            mvc.perform(read(view, id).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotFound());
            mvc.perform(read(view, id).header(HttpHeaders.IF_NONE_MATCH, etag).with(code("WRONG")))
                    .andExpect(status().isNotFound());
            mvc.perform(read(view, id).header(HttpHeaders.IF_NONE_MATCH, etag).with(codeOf(id)))
                    .andExpect(status().isNotModified());
        }
    }

    @Test
    void with_a_consistency_token_a_refusal_takes_the_whole_wait_whether_the_order_exists_or_not() throws Exception {
        UUID id = order.id();
        UUID unknown = UUID.randomUUID();
        // A reached token answers at once for an order that exists, an unknown one only at the bound (3 s here).
        var existing = timed(read("/api/draft-orders/", id).with(code("WRONG")).header("Consistency-Token", id + ".1"));
        var missing = timed(read("/api/draft-orders/", unknown).with(code("WRONG"))
                .header("Consistency-Token", unknown + ".1"));
        var priced = timed(read("/api/priced-orders/", id).param("consistencyToken", id + ".1"));

        for (Timed answer : List.of(existing.get(), missing.get(), priced.get())) {
            assertThat(answer.took()).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            assertThat(answer.response().getStatus()).isEqualTo(404);
            assertThat(answer.response().getHeader("Consistency")).isNull();
            assertThat(answer.response().getHeader("Consistency-Token")).isNull();
            assertThat(answer.response().getContentAsString()).doesNotContain("consistency");
        }
        assertThat(Shown.of(existing.get().response(), id)).isEqualTo(Shown.of(missing.get().response(), unknown));
    }

    @Test
    void a_consistency_token_must_name_the_order_read() throws Exception {
        UUID id = order.id();
        Stream other = Stream.random();
        long started = System.nanoTime();
        mvc.perform(read("/api/draft-orders/", id).with(codeOf(id)).header("Consistency-Token", other.id() + ".1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/invalid-consistency-token"))
                .andExpect(header().doesNotExist("Consistency-Token"));
        mvc.perform(read("/api/priced-orders/", id).with(codeOf(id)).param("consistencyToken", other.id() + ".1"))
                .andExpect(status().isBadRequest());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        // The seats' token names the order's seat assignments: another stream's is refused, after the whole wait.
        mvc.perform(read("/api/order-seats/", id).with(codeOf(id)).header("Consistency-Token", assignments.id() + ".2"))
                .andExpect(status().isOk())
                .andExpect(header().string("Consistency", "reached"));
        var answer = timed(read("/api/order-seats/", id).with(codeOf(id)).header("Consistency-Token", id + ".1"));
        assertThat(answer.get().took()).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(answer.get().response().getStatus()).isEqualTo(400);
        assertThat(answer.get().response().getHeader("Consistency-Token")).isNull();
    }

    @Test
    void find_my_order_takes_the_code_in_a_body_and_a_failed_lookup_is_one_404() throws Exception {
        UUID id = order.id();
        String email = "GRACE-" + id + "@Example.com";
        mvc.perform(lookup(email, accessCode(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(id.toString()))
                .andExpect(jsonPath("$.accessCode").doesNotExist());

        Shown wrongCode = Shown.of(perform(lookup(email, "WRONG")), id);
        Shown unknownEmail = Shown.of(perform(lookup("nobody-" + id + "@example.com", accessCode(id))), id);
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongCode.body()).contains("\"detail\":\"No order with this email and access code\"");
        assertThat(unknownEmail).isEqualTo(wrongCode);

        mvc.perform(lookup(email, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("accessCode"));
        mvc.perform(lookup(email + "\\u0000", accessCode(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/draft-orders/lookup").with(from(anyAddress())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"));
        // The code no longer goes in a URL.
        assertThat(perform(get("/api/draft-orders").param("email", email).param("accessCode", accessCode(id))
                .with(from(anyAddress()))).getStatus()).isNotEqualTo(200);
    }

    MockHttpServletRequestBuilder lookup(String email, String accessCode) {
        return post("/api/draft-orders/lookup").with(from(anyAddress())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"" + email + "\", \"accessCode\": \"" + accessCode + "\"}");
    }

    @Test
    void the_projections_keep_only_a_hash_of_the_code() {
        UUID id = order.id();
        for (String name : List.of("draft-orders", "priced-orders", "order-seats")) {
            var generation = serving.generation(name).orElseThrow();
            byte[] stored = jdbc.queryForObject("SELECT code_hash FROM " + generation.schema()
                    + ".order_access WHERE order_id = ?", byte[].class, id);
            assertThat(stored).as(name).isEqualTo(AccessCodeHash.of(accessCode(id)));
            assertThat(jdbc.queryForList("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = ? AND column_name LIKE '%access_code%'""", String.class, generation.schema()))
                    .as(name).isEmpty();
            assertThat(Snapshots.of(jdbc, generation).values()).as(name)
                    .allSatisfy(rows -> assertThat(rows).noneMatch(row -> row.contains(accessCode(id))));
        }
    }

    record Timed(MockHttpServletResponse response, Duration took) {
    }

    CompletableFuture<Timed> timed(RequestBuilder request) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                MockHttpServletResponse response = perform(request);
                return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
