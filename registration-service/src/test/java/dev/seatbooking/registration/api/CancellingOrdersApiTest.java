package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: a confirmed order is cancelled by its registrant (the order's code, before the conference's start less the
 * owner's cut-off) or by the conference's owner (Conference Management's CancelOrder over Kafka); its seats come back
 * through SeatsAvailability, to the waitlist first.
 */
class CancellingOrdersApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofMinutes(15);

    private PublishedConference conference;
    private UUID seatType;

    private record Placed(UUID id, String accessCode) {
        String path(String suffix) {
            return "/api/orders/" + id + suffix;
        }
    }

    @BeforeEach
    void a_conference_of_two_free_seats() {
        conference = conferenceOnSale(HOLD, new SeatTypeSpec("Community", 2, Money.of("0.00", "EUR")));
        seatType = conference.seatType();
    }

    @Test
    void the_registrant_cancels_before_the_cut_off_and_the_seats_go_to_the_waiting_entry_first() {
        Placed order = confirmed(2);
        assertThat(registrant.put(order.path("/seat-assignments/0"), person(), order.accessCode()).status())
                .isEqualTo(202);
        UUID entry = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), entry, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 1);

        Response cancelled = registrant.post(order.path("/cancel"), null, order.accessCode());

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(202);
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.CANCELLED);
        assertThat(probe.events(order.id()).getLast().event()).isInstanceOfSatisfying(OrderCancelled.class,
                e -> assertThat(e.cancelledBy()).isEqualTo(OrderCancelled.CancelledBy.REGISTRANT));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(entry) == 1);
        assertThat(probe.remaining(conference.id(), seatType)).as("the rest on sale").isEqualTo(1);
        assertThat(probe.lowestRemainingEver(conference.id()).get(seatType)).isNotNegative();
        // The attendee left the seat, and nobody is seated in a cancelled order's seats any more.
        assertThat(registrant.get(order.path("/seat-assignments"), order.accessCode()).body()
                .path("seats").path(0).path("attendee").isNull()).isTrue();
        assertProblem(registrant.put(order.path("/seat-assignments/1"), person(), order.accessCode()), 409,
                "order-cancelled");
    }

    @Test
    void an_order_is_cancelled_once() {
        Placed order = confirmed(1);
        assertThat(registrant.post(order.path("/cancel"), null, order.accessCode()).status()).isEqualTo(202);
        int version = probe.events(order.id()).size();

        assertProblem(registrant.post(order.path("/cancel"), null, order.accessCode()), 409, "order-cancelled");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void an_order_not_confirmed_cannot_be_cancelled() {
        Placed order = reserved(1);
        int version = probe.events(order.id()).size();

        assertProblem(registrant.post(order.path("/cancel"), null, order.accessCode()), 409, "order-not-confirmed");

        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void after_the_cut_off_the_registrant_is_told_until_when_it_was_possible() {
        Placed order = confirmed(1);
        // The conference starts 2030-05-01; 2000 days before is 2024-11-08, long past.
        upstream().cancellationCutoffChanged(conference, 4, 2000);
        int version = probe.events(order.id()).size();

        await().atMost(WAIT).until(() -> probe.count(
                "SELECT count(*) FROM conferences WHERE id = ? AND cancellation_cutoff_days = 2000", conference.id()) == 1);

        Response refused = registrant.post(order.path("/cancel"), null, order.accessCode());

        assertProblem(refused, 409, "cancellation-cutoff-passed");
        assertThat(refused.body().path("deadline").asString()).isEqualTo("2024-11-08T00:00:00Z");
        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void a_wrong_or_missing_code_cancels_nothing() {
        Placed order = confirmed(1);
        int version = probe.events(order.id()).size();

        assertProblem(registrant.post(order.path("/cancel"), null, "WRONGCODE1"), 404, "not-found");
        assertProblem(registrant.post(order.path("/cancel"), null, null), 404, "not-found");

        assertThat(probe.events(order.id())).hasSize(version);
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void the_owner_cancels_through_conference_managements_command_and_the_seats_go_back_on_sale() {
        Placed order = confirmed(2);

        upstream().ownerCancels(conference.id(), order.id());

        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.CANCELLED);
        assertThat(probe.events(order.id()).getLast().event()).isInstanceOfSatisfying(OrderCancelled.class,
                e -> assertThat(e.cancelledBy()).isEqualTo(OrderCancelled.CancelledBy.OWNER));
        await().atMost(WAIT).until(() -> probe.remaining(conference.id(), seatType) == 2);
    }

    @Test
    void the_owner_of_another_conference_cancels_nothing() {
        Placed order = confirmed(1);

        upstream().ownerCancels(UUID.randomUUID(), order.id());
        Placed marker = confirmed(1);
        upstream().ownerCancels(conference.id(), marker.id()); // same partition order is not promised: wait for it

        await().atMost(WAIT).until(() -> probe.status(marker.id()) == OrderStatus.CANCELLED);
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.CONFIRMED);
    }

    private Placed confirmed(int seats) {
        Placed order = reserved(seats);
        assertThat(registrant.post(order.path("/confirmation"), null, order.accessCode()).status()).isEqualTo(202);
        assertThat(probe.events(SeatAssignments.idFor(order.id()))).hasSize(1);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).reservation(order.id()).isEmpty());
        return order;
    }

    private Placed reserved(int seats) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, seatType, seats);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    private static Map<String, String> person() {
        return Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org");
    }
}
