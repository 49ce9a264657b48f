package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.QueryAdmission;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Samples;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.readmodel.support.TakenPlaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A query carrying the token of a write waits (bounded, 3 s in these tests) until its projection has it. */
class ReadYourWritesTest extends ReadModelTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID GENERAL = UUID.randomUUID();
    /** Far beyond the bound: how long a test waits for an answer before it calls the query hung. */
    static final Duration ANSWERED = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    AppliedVersions appliedVersions;
    @Autowired
    ServingGenerations serving;
    @Autowired
    ReadTransactions reads;
    @Autowired
    QueryAdmission admission;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DraftOrdersProjection draftOrders;

    final EventPublisher events = EventPublisher.shared();

    Stream placedOrder() throws Exception {
        Stream order = Stream.random();
        events.publish(order.next(orderPlaced(order.id(), CONFERENCE, seats(GENERAL, 1))),
                order.next(totals(order.id(), "10", seats(GENERAL, 1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/draft-orders/" + order.id()).with(codeOf(order.id())))
                .andExpect(jsonPath("$.version").value(2)));
        return order;
    }

    CompletableFuture<MockHttpServletResponse> queryAsync(String path, UUID orderId, String token) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(get(path).with(codeOf(orderId)).header("Consistency-Token", token)).andReturn()
                        .getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void a_query_waits_for_the_version_its_command_produced_and_then_answers_it() throws Exception {
        Stream order = placedOrder();
        int waitingBefore = appliedVersions.waiting();
        var answer = queryAsync("/api/draft-orders/" + order.id(), order.id(), order.id() + ".3");
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);
        assertThat(answer).isNotDone();

        events.publish(order.next(new OrderReservationCompleted(order.id(), Samples.EXPIRES, List.of(seats(GENERAL, 1)))));

        // "reached": it answered because the projection applied version 3, not because its wait ran out ("stale").
        MockHttpServletResponse response = answer.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"state\":\"RESERVATION_COMPLETED\"", "\"version\":3");
        assertThat(response.getHeader("Consistency")).isEqualTo("reached");
        assertThat(response.getHeader("Consistency-Token")).isEqualTo(order.id() + ".3");
    }

    @Test
    void an_order_not_yet_projected_is_waited_for_rather_than_404() throws Exception {
        Stream order = Stream.random();
        int waitingBefore = appliedVersions.waiting();
        var answer = queryAsync("/api/draft-orders/" + order.id(), order.id(), order.id() + ".1");
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);

        events.publish(order.next(orderPlaced(order.id(), CONFERENCE, seats(GENERAL, 1))));

        MockHttpServletResponse response = answer.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Consistency")).isEqualTo("reached");
    }

    @Test
    void past_the_bound_it_answers_with_what_it_has_and_says_it_is_stale() throws Exception {
        Stream order = placedOrder();
        int waitingBefore = appliedVersions.waiting();
        var answer = queryAsync("/api/draft-orders/" + order.id(), order.id(), order.id() + ".9");
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);

        // Nothing more is published: only the end of its wait can answer it, with version 2, "stale".
        MockHttpServletResponse response = answer.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"version\":2");
        assertThat(response.getHeader("Consistency")).isEqualTo("stale");
        assertThat(response.getHeader("Consistency-Token")).isEqualTo(order.id() + ".2");
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(appliedVersions.waiting()).isEqualTo(waitingBefore);
    }

    @Test
    void an_order_of_the_caller_not_priced_past_the_bound_is_a_stale_404() throws Exception {
        Stream order = Stream.random();
        events.publish(order.next(orderPlaced(order.id(), CONFERENCE, seats(GENERAL, 1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/draft-orders/" + order.id())
                .with(codeOf(order.id()))).andExpect(status().isOk()));

        mvc.perform(get("/api/priced-orders/" + order.id()).with(codeOf(order.id()))
                        .param("consistencyToken", order.id() + ".2"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Consistency", "stale"))
                .andExpect(header().string("Consistency-Token", order.id() + ".1"))
                .andExpect(jsonPath("$.consistency").value("stale"));
    }

    @Test
    void a_token_already_reached_answers_at_once_and_may_come_as_a_query_parameter() throws Exception {
        Stream order = placedOrder();
        // A query whose token is never reached, started first: it waits out the whole bound.
        int waitingBefore = appliedVersions.waiting();
        var unreached = queryAsync("/api/draft-orders/" + order.id(), order.id(), order.id() + ".9");
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);

        mvc.perform(get("/api/priced-orders/" + order.id()).with(codeOf(order.id())).param("consistencyToken", order.id() + ".2"))
                .andExpect(status().isOk())
                .andExpect(header().string("Consistency", "reached"));

        // At once: answered while the other one still waits, not after a wait of its own.
        assertThat(unreached).isNotDone();
        assertThat(unreached.get(ANSWERED.toSeconds(), TimeUnit.SECONDS).getHeader("Consistency")).isEqualTo("stale");
    }

    @Test
    void a_query_woken_by_the_commit_of_its_version_answers_without_asking_the_database_again() throws Exception {
        Stream order = placedOrder();
        // Only a commit's signal can wake this one (its recheck is an hour away).
        ReadYourWrites readYourWrites = new ReadYourWrites(serving, appliedVersions, reads, ANSWERED, Duration.ofHours(1));
        int waitingBefore = appliedVersions.waiting();
        var waited = CompletableFuture.supplyAsync(
                () -> readYourWrites.await(draftOrders, new ConsistencyToken(order.id(), 3)));
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);

        // Every query place taken, as under a flood of queries: a look at the tables now would be refused.
        try (TakenPlaces taken = TakenPlaces.all(admission, jdbc)) {
            events.publish(order.next(new OrderReservationCompleted(order.id(), Samples.EXPIRES, List.of(seats(GENERAL, 1)))));

            Consistency consistency = waited.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
            assertThat(consistency.reached()).isTrue();
            assertThat(consistency.applied()).isEqualTo(3);
        }
    }
}
