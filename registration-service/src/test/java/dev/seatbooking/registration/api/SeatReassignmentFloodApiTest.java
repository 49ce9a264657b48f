package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every change of a seat's attendee to another email is a {@code SeatAssigned}, and the notifications service mails
 * each one to the attendee ("A seat is yours"). One free order, confirmed once, let an anonymous client give its seat
 * to {@code victim+1@…}, {@code victim+2@…}, … (one mailbox, distinct addresses): one request, one mail, as fast as
 * the gateway's rate limit (50 a second per client) allowed. A seat now goes to {@value SeatAssignments#MAX_ATTENDEES_PER_SEAT}
 * people at most.
 */
class SeatReassignmentFloodApiTest extends RegistrationServiceTest {

    private static final int CHANGES = 30;

    @Test
    void one_seat_cannot_be_handed_to_thirty_addresses_in_a_row() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("Community", 20, Money.of("0.00", "EUR")));
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatTypes().getFirst(), 1);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String code = placed.body().path("accessCode").asString();
        String order = "/api/orders/" + orderId;
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(registrant.put(order + "/registrant", person("Mallory", "Anon", "mallory@example.org"), code)
                .status()).isEqualTo(202);
        assertThat(registrant.post(order + "/confirmation", null, code).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !probe.events(SeatAssignments.idFor(orderId)).isEmpty());

        int accepted = 0;
        for (int i = 1; i <= CHANGES; i++) {
            Response answer = registrant.put(order + "/seat-assignments/0",
                    person("Dear", "customer", "victim+" + i + "@example.org"), code);
            if (answer.status() == 202) {
                accepted++;
            } else {
                assertProblem(answer, 422, "seat-assigned-too-often");
            }
        }
        assertThat(accepted).isEqualTo(SeatAssignments.MAX_ATTENDEES_PER_SEAT);
        long seatMails = probe.events(SeatAssignments.idFor(orderId)).stream()
                .filter(e -> e.event() instanceof SeatAssigned).count();

        assertThat(seatMails).as("SeatAssigned events (each one 'A seat is yours' mail to victim@example.org's mailbox)"
                + " from %d changes of one seat by one client; %d accepted", CHANGES, accepted)
                .isLessThanOrEqualTo(5);
    }

    private static Map<String, String> person(String firstName, String lastName, String email) {
        return Map.of("firstName", firstName, "lastName", lastName, "email", email);
    }
}
