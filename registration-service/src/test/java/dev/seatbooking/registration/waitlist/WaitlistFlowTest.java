package dev.seatbooking.registration.waitlist;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ExpireWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.service.WaitlistService;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The waitlist over real Kafka and PostgreSQL: seats of an expired order go to the first entry, and its offer lapses
 * through the durable scheduled message (a row of the outgoing-messages table, as an order's expiry), passing the
 * seats to the next entry. The test lets time pass on the service's clock rather than waiting.
 */
class WaitlistFlowTest extends RegistrationServiceTest {

    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_expired_orders_seats_are_offered_in_join_order_and_a_lapsed_offer_passes_them_on_when_due() {
        PublishedConference conference = soldOutByAnOrder();
        UUID seatType = conference.seatType();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), first, seatType, 2));
        probe.send(new JoinWaitlist(conference.id(), second, seatType, 2));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 2);

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(first) == 2);
        var availability = probe.seatsAvailability(conference.id());
        assertThat(availability.remaining(seatType)).as("never on sale").isZero();
        assertThat(availability.offered(second)).isZero();
        Instant lapses = availability.offerExpiresAt(first).orElseThrow();
        assertThat(probe.offerExpiryDue(first)).as("scheduled durably, due when the offer lapses").isCloseTo(lapses, within(1, ChronoUnit.MILLIS));

        // The offer was scheduled on the test clock, already ahead of the database's by the order's hold: its row is
        // due that much later in database time, so as much more time passes.
        probe.timePasses(OfferHold.DEFAULT.duration().plus(HOLD).plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(second) == 2);
        assertThat(probe.seatsAvailability(conference.id()).waitlist(seatType)).containsExactly(second);
        assertThat(probe.remaining(conference.id(), seatType)).isZero();
    }

    @Test
    void offers_are_held_as_long_as_the_conference_says_when_they_are_made_and_keep_that_expiry() {
        Duration twoHours = Duration.ofHours(2);
        Duration fiveHours = Duration.ofHours(5);
        PublishedConference conference = conferenceOnSale(HOLD, twoHours,
                new SeatTypeSpec("General", 2, Money.of("25.00", "EUR")));
        UUID seatType = conference.seatType();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        // Seats on sale are offered at once to who joins, held the conference's two hours from then.
        Instant before = TestClock.INSTANCE.instant();
        probe.send(new JoinWaitlist(conference.id(), first, seatType, 3));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(first) == 2);
        Instant after = TestClock.INSTANCE.instant();
        Instant lapses = probe.seatsAvailability(conference.id()).offerExpiresAt(first).orElseThrow();
        assertThat(lapses).isBetween(before.plus(twoHours), after.plus(twoHours));
        probe.send(new JoinWaitlist(conference.id(), second, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 2);

        // The owner holds offers five hours from now on, then adds two seats: the open offer grows, its expiry stays;
        // the new offer is held five hours.
        upstream().holdsChanged(conference, 4, HOLD, fiveHours);
        await().atMost(WAIT).until(() -> probe.offerHold(conference.id()).equals(fiveHours));
        Instant added = TestClock.INSTANCE.instant();
        upstream().quantityChanged(conference, 5, 0, 4);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(second) == 1);
        var availability = probe.seatsAvailability(conference.id());
        assertThat(availability.offered(first)).isEqualTo(3);
        assertThat(availability.offerExpiresAt(first)).as("not moved by the new hold").contains(lapses);
        assertThat(availability.offerExpiresAt(second).orElseThrow())
                .isBetween(added.plus(fiveHours), TestClock.INSTANCE.instant().plus(fiveHours));

        // Two hours on, the first offer lapses (its durable expiry was due then); the second is still open.
        probe.timePasses(twoHours);
        await().atMost(WAIT).until(() -> !probe.seatsAvailability(conference.id()).onWaitlist(first));
        assertThat(probe.seatsAvailability(conference.id()).offered(second)).isEqualTo(1);
        assertThat(probe.remaining(conference.id(), seatType)).as("nobody else waits: on sale").isEqualTo(3);
    }

    @Test
    void an_orders_waitlisted_seats_are_offered_in_join_order_among_the_other_entries() {
        PublishedConference conference = soldOutByAnOrder();
        UUID seatType = conference.seatType();
        UUID before = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), before, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(before));

        // A later order gets none of the type and waitlists the two it is short of; then someone else joins.
        UUID shortOrder = UUID.randomUUID();
        var placed = registrant.placeOrder(conference.id(), shortOrder, seatType, 2);
        await().atMost(WAIT).until(() -> probe.status(shortOrder) == OrderStatus.PARTIALLY_RESERVED);
        var waitlisted = registrant.post("/api/orders/" + shortOrder + "/waitlist",
                Map.of("name", "Ada Lovelace", "email", "ada@example.org"), placed.body().path("accessCode").asString());
        assertThat(waitlisted.status()).as(waitlisted.text()).isEqualTo(202);
        UUID fromOrder = WaitlistService.orderEntryId(shortOrder, seatType);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(fromOrder));
        UUID after = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), after, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 3);
        assertThat(probe.seatsAvailability(conference.id()).waitlist(seatType)).containsExactly(before, fromOrder, after);

        // The holder's two seats come back: the first entry gets its one, the order's entry the other.
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(fromOrder) == 1);
        var availability = probe.seatsAvailability(conference.id());
        assertThat(availability.offered(before)).isEqualTo(1);
        assertThat(availability.offered(after)).as("behind an entry still short of seats").isZero();
        assertThat(availability.waitingPosition(fromOrder)).hasValue(1);
        assertThat(availability.remaining(seatType)).isZero();
    }

    /**
     * The gap ADR 15 names: the accept passed the request's checks, but the writer lapsed the offer before it handled
     * the accept (here: another writer lapsed it meanwhile). The accept is refused, and the new order is then reserved
     * as any order is: the lapsed seats went to the next entry first, the order gets what went on sale, and may
     * waitlist the rest.
     */
    @Test
    void an_order_from_an_offer_that_lapsed_before_the_accept_was_handled_is_reserved_as_any_order() {
        PublishedConference conference = soldOutByAnOrder();
        UUID seatType = conference.seatType();
        UUID first = UUID.randomUUID();
        var joined = registrant.post("/api/conferences/" + conference.id() + "/waitlist", Map.of("entryId", first,
                "seatTypeId", seatType, "quantity", 2, "name", "Ada Lovelace", "email", "ada@example.org"), null);
        UUID next = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), next, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 2);
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(first) == 2);
        UUID fromOffer = UUID.randomUUID();

        try (Paused ignored = seatsAvailabilityPaused()) {
            var accepted = registrant.send("POST", "/api/waitlist/" + first + "/order",
                    RegistrantClient.json(Map.of("orderId", fromOffer)),
                    Map.of("Waitlist-Access-Code", joined.body().path("accessCode").asString()));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            probe.seatsAvailabilityWrittenElsewhere(conference.id(), a -> a.expireOffer(
                    new ExpireWaitlistOffer(conference.id(), first), a.offerExpiresAt(first).orElseThrow()));
        }

        await().atMost(WAIT).until(() -> probe.status(fromOffer) == OrderStatus.PARTIALLY_RESERVED);
        var availability = probe.seatsAvailability(conference.id());
        assertThat(availability.offered(next)).as("the next entry first").isEqualTo(1);
        assertThat(availability.reservation(fromOffer)).contains(List.of(new SeatQuantity(seatType, 1)));
        assertThat(probe.seatsHeld(fromOffer)).as("what went on sale").isEqualTo(1);
        assertThat(availability.remaining(seatType)).isZero();
    }

    /** A conference of two General seats, both reserved by an order whose hold is {@link #HOLD}. */
    private PublishedConference soldOutByAnOrder() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 2, Money.of("25.00", "EUR")));
        UUID holder = UUID.randomUUID();
        var placed = registrant.placeOrder(conference.id(), holder, conference.seatType(), 2);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(holder) == OrderStatus.RESERVATION_COMPLETED);
        return conference;
    }
}
