package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order streams as they were stored before promotional codes existed ({@code streams-before-codes/*.json}: type,
 * schema version and payload of each event, as in the event store), recorded once and never rewritten: they still
 * load, with the same totals, and a held one is priced again exactly as it would have been.
 */
class OrderStreamsBeforeCodesTest {

    private static final MessageCodec CODEC = MessageCodec.contracts();

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    @Test
    void a_paid_order_confirmed_before_codes_loads_confirmed_with_its_total() {
        List<OrderEvent> stream = recorded("paid-order-confirmed");
        assertThat(totalsIn(stream)).allSatisfy(t -> assertThat(t.discounts()).isEmpty());
        order.given(stream)
                .when(o -> o.confirm(confirmOrderPaid("250.00")))
                .thenNothing()
                .state(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(o.total()).contains(eur("250.00"));
                    assertThat(o.promotionalCodes()).isEmpty();
                    assertThat(o.discounts()).isEmpty();
                });
    }

    @Test
    void a_free_order_confirmed_before_codes_loads_free_and_confirmed() {
        order.given(recorded("free-order-confirmed"))
                .when(o -> o.reject(rejectOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
        order.given(recorded("free-order-confirmed"))
                .when(o -> List.<OrderEvent>of())
                .thenNothing()
                .state(o -> {
                    assertThat(o.isFreeOfCharge()).isTrue();
                    assertThat(o.total()).contains(eur("0.00"));
                });
    }

    @Test
    void a_held_order_from_before_codes_is_priced_again_exactly_as_before() {
        List<OrderEvent> stream = recorded("partially-reserved-and-held");
        order.given(stream)
                .when(o -> o.register(register(seat(GENERAL, 2), seat(WORKSHOP, 1)), PUBLISHED, minutesAfterNow(5),
                        THE_ACCESS_CODE))
                .then(orderUpdated(seat(GENERAL, 2), seat(WORKSHOP, 1)),
                        totals("250.00", line(GENERAL, 2), line(WORKSHOP, 1)))
                .state(o -> assertThat(o.total()).contains(eur("250.00")));
        order.given(stream)
                .when(o -> List.<OrderEvent>of())
                .thenNothing()
                .state(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_RESERVED);
                    assertThat(o.total()).contains(eur("100.00"));
                });
    }

    private static List<OrderTotalsCalculated> totalsIn(List<OrderEvent> stream) {
        return stream.stream().filter(OrderTotalsCalculated.class::isInstance).map(OrderTotalsCalculated.class::cast)
                .toList();
    }

    private static List<OrderEvent> recorded(String name) {
        String path = "streams-before-codes/" + name + ".json";
        try (InputStream in = OrderStreamsBeforeCodesTest.class.getClassLoader().getResourceAsStream(path)) {
            JsonNode events = JsonMapper.builder().build().readTree(in);
            List<OrderEvent> stream = new ArrayList<>();
            for (JsonNode stored : events) {
                stream.add((OrderEvent) CODEC.decode(stored.get("type").asString(), stored.get("version").asInt(),
                        stored.get("payload").toString()));
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
