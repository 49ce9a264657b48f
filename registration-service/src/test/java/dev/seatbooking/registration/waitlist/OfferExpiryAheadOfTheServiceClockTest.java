package dev.seatbooking.registration.waitlist;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.registration.messaging.DerivedIds;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.service.SeatsAvailabilityService;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An offer's expiry (ExpireWaitlistOffer) is sent by the dispatcher when PostgreSQL's {@code now()}
 * reaches its {@code due_at}, but the writer judges it by the service's clock ({@code now.isBefore(expiresAt)}: nothing
 * happens). Its message id is derived from the entry, one per entry, and nothing schedules it again: with the database's
 * clock ahead of the service's by more than the hop from the dispatcher to the writer, the offer never lapses. Its
 * seats stay held for the entry, and the next entries wait for good.
 * <p>
 * The database's clock being {@code SKEW} ahead is modelled by its {@code due_at} reaching its {@code now()} that much
 * before the service's clock reaches the offer's expiry (no test can move PostgreSQL's clock; see
 * {@code RegistrationProbe#timePasses}).
 */
class OfferExpiryAheadOfTheServiceClockTest extends RegistrationServiceTest {

    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SKEW = Duration.ofMillis(500);

    @Test
    void an_offer_whose_expiry_reaches_the_writer_a_little_before_its_time_by_the_service_clock_still_lapses() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 1, Money.of("25.00", "EUR")));
        UUID seatType = conference.seatType();
        UUID holder = UUID.randomUUID();
        assertThat(registrant.placeOrder(conference.id(), holder, seatType, 1).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(holder) == OrderStatus.RESERVATION_COMPLETED);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        probe.send(new JoinWaitlist(conference.id(), first, seatType, 1));
        probe.send(new JoinWaitlist(conference.id(), second, seatType, 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 2);
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).offered(first) == 1);
        Instant lapses = probe.seatsAvailability(conference.id()).offerExpiresAt(first).orElseThrow();

        // Up to a second before the offer lapses by the service's clock; the database's clock is SKEW ahead of it.
        probe.timePasses(Duration.between(TestClock.INSTANCE.instant(), lapses).minusSeconds(1));
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        UUID expiry = SeatsAvailabilityService.offerExpiryMessageId(first);
        long untilLapse = Duration.between(TestClock.INSTANCE.instant(), lapses).minus(SKEW).toMillis();
        assertThat(jdbc.update("UPDATE outgoing_messages SET due_at = now() + ? * interval '1 millisecond' "
                + "WHERE message_id = ? AND sent_at IS NULL", untilLapse, expiry)).isEqualTo(1);

        // The expiry is sent when due by the database, and handled by the writer.
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, expiry) == 1);
        // It came early, so it scheduled itself again, under an id derived from its own: handling it once more (a
        // redelivery) would find that id taken and schedule nothing twice.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_messages WHERE message_id = ?", Integer.class,
                DerivedIds.of(expiry, "again"))).isEqualTo(1);

        // Now the offer's time is over by any clock. (Whatever is scheduled from here on is scheduled on the test clock,
        // ahead of the database's by all the time let pass so far: see WaitlistFlowTest. As much more passes.)
        probe.timePasses(OfferHold.DEFAULT.duration().plus(HOLD).plus(TestService.EXPIRATION_BUFFER)
                .plus(Duration.ofMinutes(1)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var availability = probe.seatsAvailability(conference.id());
            assertThat(availability.onWaitlist(first)).as("the first entry's offer lapsed").isFalse();
            assertThat(availability.offered(second)).as("its seat passed to the next entry").isEqualTo(1);
        });
    }
}
