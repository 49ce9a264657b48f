package dev.seatbooking.registration.api;

import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits an order form gets from the service rather than from a copy of its own. */
class OrderLimitsApiTest extends RegistrationServiceTest {

    @Test
    void anyone_learns_how_many_seats_of_one_type_an_order_may_hold_and_may_cache_it() {
        Response limits = registrant.send("GET", "/api/orders/limits", null, Map.of());

        assertThat(limits.status()).isEqualTo(200);
        assertThat(limits.text()).isEqualTo("{\"maxSeatsPerSeatType\":" + Order.MAX_SEATS_PER_SEAT_TYPE + "}");
        assertThat(limits.header("Cache-Control")).hasValue("max-age=3600, public");
    }

    @Test
    void the_limits_are_in_the_openapi_description() {
        Response docs = registrant.send("GET", "/v3/api-docs", null, Map.of());

        assertThat(docs.body().path("paths").path("/api/orders/limits").has("get")).isTrue();
    }
}
