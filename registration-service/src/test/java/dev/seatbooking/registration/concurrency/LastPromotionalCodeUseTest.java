package dev.seatbooking.registration.concurrency;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registrants racing for the last use of a code, as for the last seat: each of {@value #RACERS} held orders applies
 * the same single-use code at once (a start latch); exactly one gets it, every other one is refused as used up, and
 * the conference's code uses, replayed from their stream, agree. Repeated, each time with a code of its own.
 */
class LastPromotionalCodeUseTest extends RegistrationServiceTest {

    private static final int RACERS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RepeatedTest(5)
    void of_many_registrants_racing_for_the_last_use_of_a_code_exactly_one_gets_it() throws Exception {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", RACERS, Money.of("100.00", "EUR")));
        var code = new PromotionalCodeDefined(conference.id(), UUID.randomUUID(), "LAST-ONE",
                Discount.percentage(50), CodeScope.ALL_SEAT_TYPES, 1, null, null, false, true);
        upstream().promotionalCodeDefined(code);
        await().atMost(WAIT).until(() -> probe.codeDefined(conference.id(), code.codeId(), true));
        List<UUID> orders = new ArrayList<>();
        List<String> accessCodes = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            UUID orderId = UUID.randomUUID();
            Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), 1);
            assertThat(placed.status()).isEqualTo(201);
            orders.add(orderId);
            accessCodes.add(placed.body().path("accessCode").asString());
        }
        await().atMost(WAIT).until(() -> orders.stream()
                .allMatch(o -> probe.status(o) == OrderStatus.RESERVATION_COMPLETED));

        List<Response> answers = race(orders, accessCodes);

        assertThat(answers).filteredOn(a -> a.status() == 202).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 202).hasSize(RACERS - 1)
                .allSatisfy(a -> assertThat(a.problemType()).endsWith("/promotional-code-used-up"));
        var uses = probe.codeUses(conference.id());
        assertThat(uses.held(code.codeId())).isEqualTo(1);
        long ordersWithTheCode = orders.stream().filter(o -> probe.events(o).stream()
                .anyMatch(e -> e.event() instanceof PromotionalCodeApplied)).count();
        assertThat(ordersWithTheCode).isEqualTo(1);
        UUID winner = orders.get(answers.indexOf(answers.stream().filter(a -> a.status() == 202).findFirst().orElseThrow()));
        assertThat(uses.holds(code.codeId(), winner)).isTrue();
    }

    private List<Response> race(List<UUID> orders, List<String> accessCodes) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                UUID order = orders.get(i);
                String accessCode = accessCodes.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return registrant.post("/api/orders/" + order + "/promotional-codes", Map.of("code", "last-one"),
                            accessCode);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) answers.add(future.get());
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
