package dev.seatbooking.registration.concurrency;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.ProcessState;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registrants changing their orders while the conference's writer is marking them reserved: the writer saves the
 * process and then changes the order, a registrant's request changes the order and then the process (ADR 8). Every
 * request is answered as if alone (no deadlock, no 5xx, no conflict left to the client), and every order ends with
 * the seats of its last change reserved, held once in SeatsAvailability.
 */
class ChangesRacingReservationsTest extends RegistrationServiceTest {

    static final int ORDERS = 60;
    static final int CLIENT_THREADS = 8;

    @Test
    void seat_changes_and_registrant_details_sent_right_after_placing_never_fail_and_the_last_change_wins() throws Exception {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 1000, Money.of("20.00", "EUR")));
        UUID seatType = conference.seatType();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) orders.add(UUID.randomUUID());

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (UUID orderId : orders) {
                done.add(clients.submit(() -> {
                    Response placed = registrant.placeOrder(conference.id(), orderId, seatType, 2);
                    expect(unexpected, "place", placed, 201);
                    String code = placed.body().path("accessCode").asString();
                    String path = "/api/orders/" + orderId;
                    expect(unexpected, "seats", registrant.put(path + "/seats", RegistrantClient.seats(seatType, 4), code), 202);
                    expect(unexpected, "registrant", registrant.put(path + "/registrant", Map.of("firstName", "Ada",
                            "lastName", "Lovelace", "email", "ada@example.org"), code), 202);
                    expect(unexpected, "seats again", registrant.put(path + "/seats", RegistrantClient.seats(seatType, 3), code), 202);
                }));
            }
            for (Future<?> f : done) f.get();
        }
        assertThat(unexpected).isEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> orders.stream().allMatch(id ->
                probe.status(id) == OrderStatus.RESERVATION_COMPLETED && probe.seatsHeld(id) == 3
                        && probe.process(id).map(p -> p.state().state())
                        .filter(ProcessState.RESERVATION_CONFIRMATION_RECEIVED::equals).isPresent()));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.remaining(conference.id(), seatType) == 1000 - 3 * ORDERS);
        assertThat(orders).allSatisfy(id -> assertThat(probe.order(id)).get()
                .satisfies(order -> assertThat(order.registrant()).get()
                        .extracting(PersonalInfo::email).isEqualTo("ada@example.org")));
    }

    private static void expect(ConcurrentLinkedQueue<String> unexpected, String what, Response response, int status) {
        if (response.status() != status) unexpected.add(what + ": " + response.status() + " " + response.text());
    }
}
