package dev.seatbooking.registration.scale;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.OrderBurst;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.SeatInvariants;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service is stopped in the middle of a burst of orders and started again on the same database and topics. The
 * registrants' clients send what failed again (same order ids). No order is lost or stuck: every one is reserved (or
 * gets what was left), exactly the seats on sale are held, and when the hold is over every seat comes back, because
 * the expiries scheduled before the restart still fire after it.
 */
class RestartTest {

    static final int CAPACITY = 100;
    static final int ORDERS = 300;
    static final Duration HOLD = Duration.ofMinutes(15);
    static final Duration WAIT = Duration.ofSeconds(60);

    private final TestPostgres.Database database = TestPostgres.newDatabase("registration_restart");
    private final String topicPrefix = TestService.newTopicPrefix();
    private final AtomicReference<TestService> running = new AtomicReference<>();
    private final UpstreamServices upstream = new UpstreamServices(TestKafka.bootstrapServers(), topicPrefix);

    @AfterEach
    void stop() {
        upstream.close();
        TestService service = running.get();
        if (service != null) service.close();
        TestClock.INSTANCE.reset();
    }

    @Test
    void no_order_is_lost_or_stuck_and_no_seat_leaks_when_the_service_restarts_during_a_burst() {
        running.set(TestService.start(database, topicPrefix));
        PublishedConference conference = upstream.publishConference(HOLD,
                new SeatTypeSpec("General", CAPACITY, Money.of("30.00", "EUR")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                running.get().probe().onSale(conference.id(), Map.of(conference.seatType(), CAPACITY)));

        AtomicReference<String> baseUrl = new AtomicReference<>(running.get().baseUrl());
        RegistrantClient registrant = new RegistrantClient(baseUrl::get);
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicReference<CompletableFuture<Void>> restart = new AtomicReference<>();
        OrderBurst.Result burst = OrderBurst.place(i -> registrant, conference.id(), conference.seatType(), ORDERS, 8, 7,
                placed -> {
                    if (placed == ORDERS / 3 && restarted.compareAndSet(false, true)) {
                        restart.set(CompletableFuture.runAsync(() -> {
                            running.get().close(); // as a deployment stops it: no more requests, consumers finish
                            running.set(TestService.start(database, topicPrefix));
                            baseUrl.set(running.get().baseUrl());
                        }));
                    }
                });
        restart.get().join();

        assertThat(burst.retried()).as("requests sent again while the service was away").isPositive();
        TestService service = running.get();
        SeatInvariants.assertEveryOrderReservedWithinCapacity(service.probe(), conference.id(), conference.seatType(),
                CAPACITY, burst, WAIT);
        service.probe().timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        SeatInvariants.assertEveryUnpaidSeatReturned(service.probe(), conference.id(), conference.seatType(),
                CAPACITY, burst, WAIT);
    }
}
