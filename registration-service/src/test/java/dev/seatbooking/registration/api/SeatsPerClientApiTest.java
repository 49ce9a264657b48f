package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nobody holds a conference's seats without buying them: one client address may ask for {@value #SEATS} seats of a
 * conference at once (orders placed, seats added, waitlist joins), one more every {@code REFILL / SEATS} after that.
 * Without the limit, one address placing order after order held every seat and renewed the holds as they lapsed.
 * An instance of its own; each test is other clients ({@code 127.0.0.x}).
 */
class SeatsPerClientApiTest {

    private static final int SEATS = 10;
    private static final Duration REFILL = Duration.ofMinutes(15);
    private static final Duration ONE_SEAT_BACK = REFILL.dividedBy(SEATS);

    private static final String TOPIC_PREFIX = TestService.newTopicPrefix();
    private static TestService service;
    private static UpstreamServices upstream;
    private static PublishedConference conference;
    private static PublishedConference another;

    @BeforeAll
    static void start() {
        service = TestService.start(TestPostgres.newDatabase("registration_seats_per_client"), TOPIC_PREFIX, Map.of(
                "registration.seats-per-client.seats", SEATS,
                "registration.seats-per-client.refill", REFILL.toMillis() + "ms"));
        upstream = new UpstreamServices(TestKafka.bootstrapServers(), TOPIC_PREFIX);
        conference = upstream.publishConference(REFILL, new SeatTypeSpec("General", 500, Money.of("0.00", "EUR")));
        another = upstream.publishConference(REFILL, new SeatTypeSpec("General", 500, Money.of("0.00", "EUR")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                service.probe().onSale(conference.id(), Map.of(conference.seatType(), 500))
                        && service.probe().onSale(another.id(), Map.of(another.seatType(), 500)));
    }

    @AfterEach
    void backToRealTime() {
        TestClock.INSTANCE.reset();
    }

    @AfterAll
    static void stop() {
        if (upstream != null) upstream.close();
        if (service != null) service.close();
    }

    @Test
    void a_client_that_asked_for_its_seats_waits_for_more_and_the_refused_order_is_not_placed() {
        RegistrantClient hoarder = client("127.0.1.1");
        assertThat(place(hoarder, conference, 4).status()).isEqualTo(201);
        assertThat(place(hoarder, conference, 4).status()).isEqualTo(201);

        UUID refused = UUID.randomUUID();
        assertRefused(hoarder.placeOrder(conference.id(), refused, conference.seatType(), 3));
        assertThat(service.probe().status(refused)).as("nothing placed").isEqualTo(OrderStatus.NOT_PLACED);
        assertThat(place(hoarder, conference, 2).status()).as("the allowance's last 2").isEqualTo(201);
        assertRefused(place(hoarder, conference, 1));

        service.probe().timePasses(ONE_SEAT_BACK.multipliedBy(3));
        assertThat(place(hoarder, conference, 3).status()).as("3 seats back").isEqualTo(201);
        assertRefused(place(hoarder, conference, 1));
    }

    @Test
    void other_clients_and_other_conferences_are_not_held_back() {
        RegistrantClient hoarder = client("127.0.1.2");
        assertThat(place(hoarder, conference, SEATS).status()).isEqualTo(201);
        assertRefused(place(hoarder, conference, 1));

        assertThat(place(client("127.0.1.3"), conference, SEATS).status()).isEqualTo(201);
        assertThat(place(hoarder, another, SEATS).status()).isEqualTo(201);
    }

    @Test
    void seats_added_to_an_order_count_and_seats_taken_away_give_nothing_back() {
        RegistrantClient hoarder = client("127.0.1.4");
        UUID orderId = UUID.randomUUID();
        Response placed = hoarder.placeOrder(conference.id(), orderId, conference.seatType(), 5);
        assertThat(placed.status()).isEqualTo(201);
        String code = placed.body().path("accessCode").asString();
        String seats = "/api/orders/" + orderId + "/seats";

        assertThat(hoarder.put(seats, RegistrantClient.seats(conference.seatType(), 10), code).status()).isEqualTo(202);
        assertRefused(hoarder.put(seats, RegistrantClient.seats(conference.seatType(), 11), code));
        assertThat(hoarder.put(seats, RegistrantClient.seats(conference.seatType(), 3), code).status()).isEqualTo(202);
        assertRefused(place(hoarder, conference, 1));
    }

    @Test
    void a_repeated_request_and_a_rejected_one_count_nothing() {
        RegistrantClient registrant = client("127.0.1.5");
        UUID orderId = UUID.randomUUID();
        assertThat(registrant.placeOrder(conference.id(), orderId, conference.seatType(), 6).status()).isEqualTo(201);
        assertThat(registrant.placeOrder(conference.id(), orderId, conference.seatType(), 6).status())
                .as("the same request again").isEqualTo(201);
        Response unknownCode = registrant.post("/api/conferences/" + conference.id() + "/orders", Map.of(
                "orderId", UUID.randomUUID(),
                "seats", List.of(Map.of("seatTypeId", conference.seatType(), "quantity", 4)),
                "promotionalCodes", List.of("NO-SUCH-CODE")), null);
        assertThat(unknownCode.status()).as(unknownCode.text()).isBetween(400, 499).isNotEqualTo(429);

        assertThat(place(registrant, conference, 4).status()).as("6 + 4: the repeat and the rejection counted nothing")
                .isEqualTo(201);
        assertRefused(place(registrant, conference, 1));
    }

    @Test
    void a_waitlist_join_counts_its_seats() {
        RegistrantClient registrant = client("127.0.1.6");
        Response joined = registrant.post("/api/conferences/" + conference.id() + "/waitlist", Map.of(
                "entryId", UUID.randomUUID(), "seatTypeId", conference.seatType(), "quantity", 8,
                "name", "Ada Lovelace", "email", "ada@example.org"), null);
        assertThat(joined.status()).as(joined.text()).isEqualTo(202);

        assertThat(place(registrant, conference, 2).status()).isEqualTo(201);
        assertRefused(place(registrant, conference, 1));
    }

    @Test
    void concurrent_orders_of_one_client_get_no_more_than_its_seats() throws Exception {
        RegistrantClient hoarder = client("127.0.1.7");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 3 * SEATS; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return place(hoarder, conference, 1).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get());
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(SEATS);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(2 * SEATS);
        }
    }

    private static void assertRefused(Response response) {
        assertProblem(response, 429, "too-many-requests");
        assertThat(response.body().path("detail").asString()).contains(SEATS + " seats of this conference");
        assertThat(response.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds))
                .isBetween(1, (int) REFILL.toSeconds()));
    }

    private static RegistrantClient client(String loopbackAddress) {
        return RegistrantClient.from(loopbackAddress, service.port());
    }

    private static Response place(RegistrantClient registrant, PublishedConference at, int seats) {
        return registrant.placeOrder(at.id(), UUID.randomUUID(), at.seatType(), seats);
    }
}
