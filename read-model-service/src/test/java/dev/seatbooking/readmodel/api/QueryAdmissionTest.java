package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.QueryAdmission;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.readmodel.support.TakenPlaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Queries use at most their share of the database connections (QueryAdmission): past it, a query is refused with a
 * 503 and {@code Retry-After} instead of queueing for a connection the projections need; a read-your-writes query holds
 * no place while it waits.
 */
class QueryAdmissionTest extends ReadModelTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID GENERAL = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    QueryAdmission admission;
    @Autowired
    AppliedVersions appliedVersions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServingGenerations serving;
    @Autowired
    DraftOrdersProjection draftOrders;

    final EventPublisher events = EventPublisher.shared();

    @Test
    void a_query_past_the_queries_share_is_a_503_with_retry_after_and_the_projections_go_on() throws Exception {
        Stream order = Stream.random();
        long refusedBefore = admission.refused();
        try (TakenPlaces taken = TakenPlaces.all(admission, jdbc)) {
            mvc.perform(get("/api/conferences"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("service-unavailable"));
            mvc.perform(get("/api/draft-orders/" + order.id()).with(codeOf(order.id())))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"));
            assertThat(admission.refused()).isEqualTo(refusedBefore + 2);

            // The projections' connections are not the queries': an order placed now is projected all the same.
            events.publish(order.next(orderPlaced(order.id(), CONFERENCE, seats(GENERAL, 1))));
            await().atMost(Duration.ofSeconds(30)).until(() -> projected(order.id()));
        }
        mvc.perform(get("/api/draft-orders/" + order.id()).with(codeOf(order.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void a_read_your_writes_query_holds_no_place_while_it_waits() throws Exception {
        Stream order = Stream.random();
        int waitingBefore = appliedVersions.waiting();
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(get("/api/draft-orders/" + order.id()).with(codeOf(order.id()))
                        .header("Consistency-Token", order.id() + ".1")).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> appliedVersions.waiting() > waitingBefore);

        assertThat(admission.free()).isEqualTo(admission.places());

        events.publish(order.next(orderPlaced(order.id(), CONFERENCE, seats(GENERAL, 1))));
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    /** Looked at past the admission, as only a test does. */
    private boolean projected(UUID orderId) {
        return serving.tables(draftOrders).queryOne("SELECT 1 FROM {g}.draft_orders WHERE order_id = ?",
                (row, n) -> true, orderId).isPresent();
    }
}
