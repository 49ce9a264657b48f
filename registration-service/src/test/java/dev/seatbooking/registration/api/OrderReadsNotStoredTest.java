package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order read with its access code (the registrant's name, email and seats) is private, though its
 * {@code Order-Access-Code} is not an {@code Authorization} that caches would know not to share: it is answered
 * {@code Cache-Control: no-store}, as is every answer that does not say how it may be cached, a refusal too
 * (web-support's EdgeSecurityConfiguration); an answer that says so keeps its own.
 */
class OrderReadsNotStoredTest extends RegistrationServiceTest {

    @Test
    void an_order_read_with_its_access_code_is_not_to_be_stored() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("100.00", "EUR")));
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);

        Response read = registrant.getOrder(orderId, placed.body().path("accessCode").asString());
        Response refused = registrant.getOrder(orderId, "WRONGCODE1");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).as("GET /api/orders/{id} with its code").hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Cache-Control")).as("the refusal").hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    @Test
    void an_answer_that_says_it_may_be_cached_keeps_its_cache_control() {
        Response limits = registrant.send("GET", "/api/orders/limits", null, Map.of());

        assertThat(limits.headers().get("Cache-Control")).containsExactly("max-age=3600, public");
        assertThat(limits.header("Pragma")).isEmpty();
        assertThat(limits.header("Expires")).isEmpty();
    }
}
