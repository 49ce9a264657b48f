package dev.seatbooking.registration.scale;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.OwnInstanceTest;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outstanding waitlist offer survives a restart of the service (it is in the conference's stream, and its expiry
 * is a durable scheduled message, not a timer in memory): after the restart it is still held for its entry, and it
 * lapses at its time, passing the seats to the next entry.
 */
class WaitlistOfferRestartTest extends OwnInstanceTest {

    WaitlistOfferRestartTest() {
        super("registration_waitlist_restart");
    }

    @Test
    void an_outstanding_offer_survives_a_restart_and_lapses_at_its_time() {
        restart();
        PublishedConference conference = upstream.publishConference(HOLD,
                new SeatTypeSpec("General", 1, Money.of("100.00", "EUR")));
        UUID seatType = conference.seatType();
        await().atMost(WAIT).until(() -> service.probe().onSale(conference.id(), Map.of(seatType, 1)));
        UUID orderId = UUID.randomUUID();
        assertThat(new RegistrantClient(service.baseUrl()).placeOrder(conference.id(), orderId, seatType, 1).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> service.probe().status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        service.probe().send(new JoinWaitlist(conference.id(), first, seatType, 1));
        service.probe().send(new JoinWaitlist(conference.id(), second, seatType, 1));
        await().atMost(WAIT).until(() -> service.probe().seatsAvailability(conference.id()).waitlist(seatType).size() == 2);
        service.probe().timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> service.probe().seatsAvailability(conference.id()).offered(first) == 1);

        restart();

        assertThat(service.probe().seatsAvailability(conference.id()).offered(first)).isEqualTo(1);
        assertThat(service.probe().remaining(conference.id(), seatType)).isZero();
        // Scheduled on the test clock, already ahead of the database's by the order's hold: see WaitlistFlowTest.
        service.probe().timePasses(OfferHold.DEFAULT.duration().plus(HOLD).plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> service.probe().seatsAvailability(conference.id()).offered(second) == 1);
        assertThat(service.probe().seatsAvailability(conference.id()).waitlist(seatType)).containsExactly(second);
    }
}
