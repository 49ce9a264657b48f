package dev.seatbooking.readmodel.api;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderHistories;
import dev.seatbooking.readmodel.support.ReadModelTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Lag per projection, as a gauge and on the admin endpoint. */
class AdminApiTest extends ReadModelTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    Projections projections;

    double lag(String projection) {
        return meters.get("readmodel.projection.lag").tag("projection", projection).gauge().value();
    }

    @Test
    void lag_is_a_gauge_per_projection_and_on_the_admin_endpoint_and_zero_once_caught_up() throws Exception {
        EventPublisher.shared().publish(new OrderHistories().orders(20));
        CatchUp.await(lifecycle, projections);

        for (Projection projection : projections.all()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lag(projection.name()) == 0.0);
        }
        mvc.perform(get("/api/admin/projections").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", containsInAnyOrder("conferences", "draft-orders", "priced-orders",
                        "order-seats")))
                .andExpect(jsonPath("$[*].lag", everyItem(is(0))))
                .andExpect(jsonPath("$[*].state", everyItem(is("live"))))
                .andExpect(jsonPath("$[*].servingGeneration", everyItem(notNullValue())))
                .andExpect(jsonPath("$[0].generations[0].status").exists());
        mvc.perform(get("/actuator/metrics/readmodel.projection.lag").param("tag", "projection:draft-orders")
                        .header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value(0.0));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.projections.details.draft-orders.ready").value(true));
        assertThat(meters.get("readmodel.projection.events.applied").tag("projection", "draft-orders")
                .functionCounter().count()).isPositive();
    }

    /** Issue 11, finding 7: the projection admin answered anyone (a rebuild was started with no credentials). */
    @Test
    void projection_admin_and_metrics_need_the_ops_credential() throws Exception {
        int generations = lifecycle.generations("draft-orders").size();
        for (var request : java.util.List.of(post("/api/admin/projections/draft-orders/rebuild"),
                post("/api/admin/projections/rebuild"), get("/api/admin/projections"), get("/actuator/prometheus"),
                get("/actuator/metrics"))) {
            mvc.perform(request).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/unauthorized"));
            mvc.perform(request.header("Authorization", "Basic b3BzOndyb25n"))
                    .andExpect(status().isUnauthorized());
        }
        // no rebuild started: a rebuild adds a generation (retired ones may only have been dropped meanwhile)
        assertThat(lifecycle.generations("draft-orders").size()).isLessThanOrEqualTo(generations);
    }
}
