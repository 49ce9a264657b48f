package dev.seatbooking.registration.scale;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.OwnInstanceTest;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A held use of a single-use code survives a restart of the service (it is in the event store, not in memory): after
 * the restart the code is still used up for another order, and once the hold and the buffer have passed the order
 * expires and its use comes back, for another order to take.
 */
class HeldCodeUsesRestartTest extends OwnInstanceTest {

    HeldCodeUsesRestartTest() {
        super("registration_code_restart");
    }

    @Test
    void a_held_use_survives_a_restart_and_is_released_when_its_order_expires() {
        restart();
        PublishedConference conference = upstream.publishConference(HOLD,
                new SeatTypeSpec("General", 10, Money.of("100.00", "EUR")));
        var code = new PromotionalCodeDefined(conference.id(), UUID.randomUUID(), "ONCE", Discount.percentage(20),
                CodeScope.ALL_SEAT_TYPES, 1, null, null, false, true);
        upstream.promotionalCodeDefined(code);
        await().atMost(WAIT).until(() -> service.probe().onSale(conference.id(), Map.of(conference.seatType(), 10))
                && service.probe().codeDefined(conference.id(), code.codeId(), true));
        Order holder = place(new RegistrantClient(service.baseUrl()), conference);
        assertThat(apply(new RegistrantClient(service.baseUrl()), holder).status()).isEqualTo(202);

        restart();
        RegistrantClient registrant = new RegistrantClient(service.baseUrl());

        assertThat(service.probe().codeUses(conference.id()).holds(code.codeId(), holder.id())).isTrue();
        Order latecomer = place(registrant, conference);
        Response refused = apply(registrant, latecomer);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).endsWith("/promotional-code-used-up");

        service.probe().timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> service.probe().status(holder.id()) == OrderStatus.EXPIRED
                && service.probe().status(latecomer.id()) == OrderStatus.EXPIRED);
        assertThat(service.probe().codeUses(conference.id()).held(code.codeId())).isZero();

        Order another = place(registrant, conference);
        assertThat(apply(registrant, another).status()).isEqualTo(202);
    }

    private record Order(UUID id, String accessCode) {
    }

    private static Order place(RegistrantClient registrant, PublishedConference conference) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Order(orderId, placed.body().path("accessCode").asString());
    }

    private static Response apply(RegistrantClient registrant, Order order) {
        return registrant.post("/api/orders/" + order.id() + "/promotional-codes", Map.of("code", "once"),
                order.accessCode());
    }
}
