package dev.seatbooking.registration.concurrency;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.OrderBurst;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.SeatInvariants;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 orders at once for 100 seats, through the REST API from several client threads: exactly 100 seats are reserved,
 * the seats on sale never go below zero, every order gets its answer (reserved, partially reserved with what was left,
 * or with nothing), and once the hold is over every unpaid seat is back on sale.
 */
class ConcurrentOrdersTest extends RegistrationServiceTest {

    static final int CAPACITY = 100;
    static final int ORDERS = 500;
    static final int CLIENT_THREADS = 8;
    static final Duration HOLD = Duration.ofMinutes(15);
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void five_hundred_concurrent_orders_reserve_exactly_the_hundred_seats_and_expiry_returns_them() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", CAPACITY,
                Money.of("50.00", "EUR")));

        long start = System.nanoTime();
        OrderBurst.Result burst = OrderBurst.place(i -> registrant, conference.id(), conference.seatType(), ORDERS,
                CLIENT_THREADS, 42, placed -> {
                });
        assertThat(burst.retried()).isZero();
        SeatInvariants.assertEveryOrderReservedWithinCapacity(probe, conference.id(), conference.seatType(), CAPACITY,
                burst, WAIT);
        System.out.printf("%d orders placed and answered in %d ms%n", ORDERS, (System.nanoTime() - start) / 1_000_000);

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        SeatInvariants.assertEveryUnpaidSeatReturned(probe, conference.id(), conference.seatType(), CAPACITY, burst,
                WAIT);
    }
}
