package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Samples;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.Samples.conferenceCreated;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The projections survive a restart of the service, and a schema change is applied by a rebuild at start-up. */
class RestartTest extends ReadModelTest {

    static final UUID GENERAL = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    Projections projections;
    @Autowired
    ServingGenerations serving;
    @Autowired
    JdbcTemplate jdbc;

    final EventPublisher events = EventPublisher.shared();

    @AfterEach
    void running() {
        if (!lifecycle.isRunning()) lifecycle.start();
    }

    @Test
    void events_that_arrive_while_stopped_are_applied_once_after_the_restart() throws Exception {
        Stream conference = Stream.random();
        UUID conferenceId = conference.id();
        Stream availability = Stream.of(conferenceId);
        String slug = "restart" + conferenceId.toString().substring(0, 6);
        Stream order = Stream.random();
        UUID id = order.id();
        Envelope placed = order.next(orderPlaced(id, conferenceId, seats(GENERAL, 2)));
        events.publish(conference.next(conferenceCreated(conferenceId, slug)),
                conference.next(seatCreated(conferenceId, GENERAL, "General", 10, "10")),
                conference.next(new ConferencePublished(conferenceId)),
                availability.next(new AvailableSeatsChanged(conferenceId, List.of(seats(GENERAL, 10)))),
                placed, order.next(totals(id, "10", seats(GENERAL, 2))));
        CatchUp.await(lifecycle, projections);

        lifecycle.stop();
        Envelope reserved = availability.next(new SeatsReserved(conferenceId, id, List.of(seats(GENERAL, 2)),
                List.of(seats(GENERAL, -2))));
        events.publish(reserved,
                order.next(new OrderReservationCompleted(id, Samples.EXPIRES, List.of(seats(GENERAL, 2)))),
                placed, reserved, // a relay re-publishing after its own crash
                order.next(new OrderRegistrantAssigned(id, "Edsger", "Dijkstra", "ewd@example.com")));
        mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id))).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));

        lifecycle.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id)))
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.state").value("RESERVATION_COMPLETED"))
                .andExpect(jsonPath("$.registrant.lastName").value("Dijkstra")));
        CatchUp.await(lifecycle, projections);
        mvc.perform(get("/api/conferences/" + slug))
                .andExpect(jsonPath("$.seatTypes[0].availableQuantity").value(8))
                .andExpect(jsonPath("$.availabilityVersion").value(2));
    }

    @Test
    void a_serving_generation_built_by_another_schema_version_is_rebuilt_at_start_up() throws Exception {
        Stream order = Stream.random();
        UUID id = order.id();
        events.publish(order.next(orderPlaced(id, UUID.randomUUID(), seats(GENERAL, 1))));
        CatchUp.await(lifecycle, projections);
        Generation old = serving.generation(DraftOrdersProjection.NAME).orElseThrow();

        lifecycle.stop();
        jdbc.update("UPDATE projection_generations SET schema_version = 0 WHERE projection = ? AND generation = ?",
                old.projection(), old.number());
        // What the service sees while it rebuilds: a serving generation whose tables have another shape.
        serving.serve(new Generation(old.projection(), old.number(), 0));
        mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/projection-not-ready"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        lifecycle.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> serving.generation(DraftOrdersProjection.NAME)
                .map(g -> g.number() > old.number() && g.schemaVersion() == old.schemaVersion()).orElse(false));
        mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING_RESERVATION"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT status FROM projection_generations WHERE projection = ? AND generation = ?",
                String.class, old.projection(), old.number())).isIn("retired", "dropped");
    }
}
