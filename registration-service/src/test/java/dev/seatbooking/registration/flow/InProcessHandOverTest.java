package dev.seatbooking.registration.flow;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.ProcessState;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 8: inside the service, the registration process hears the events of the service's own streams in the
 * transaction that appends them, and its commands to the order run in its own; only SeatsAvailability commands
 * cross Kafka.
 */
class InProcessHandOverTest extends RegistrationServiceTest {

    @Test
    void placing_an_order_starts_its_process_and_enqueues_the_reservation_in_the_same_transaction() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("10.00", "EUR")));
        UUID orderId = UUID.randomUUID();

        assertThat(registrant.placeOrder(conference.id(), orderId, conference.seatType(), 2).status()).isEqualTo(201);

        // No waiting: the answer comes after the commit that did it all.
        assertThat(probe.process(orderId)).get().satisfies(process ->
                assertThat(process.state().state()).isIn(ProcessState.AWAITING_RESERVATION_CONFIRMATION,
                        ProcessState.RESERVATION_CONFIRMATION_RECEIVED));
        assertThat(probe.count("""
                SELECT count(*) FROM outgoing_messages o JOIN events e ON e.stream_id = ?
                 AND e.event_type = 'registration.OrderPlaced' AND o.headers->>'causation-id' = e.message_id::text
                WHERE o.headers->>'message-type' = 'registration.MakeSeatReservation'""", orderId))
                .as("MakeSeatReservation names the OrderPlaced the relay publishes as its cause").isEqualTo(1);
    }

    @Test
    void the_transaction_that_reserves_the_seats_marks_the_order_reserved() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("10.00", "EUR")));
        UUID orderId = UUID.randomUUID();

        registrant.placeOrder(conference.id(), orderId, conference.seatType(), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);

        assertThat(probe.count("""
                SELECT count(*) FROM events reserved JOIN events marked ON marked.stream_id = ?
                 AND marked.event_type = 'registration.OrderReservationCompleted'
                 AND marked.transaction_id = reserved.transaction_id
                WHERE reserved.stream_id = ? AND reserved.event_type = 'registration.SeatsReserved'
                 AND reserved.payload->>'reservationId' = ?::text""",
                orderId, conference.id(), orderId.toString())).isEqualTo(1);
        assertThat(probe.process(orderId)).get().extracting(p -> p.state().state())
                .isEqualTo(ProcessState.RESERVATION_CONFIRMATION_RECEIVED);
    }
}
