package dev.seatbooking.registration.conference;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conference Management's events carry the conference's event version, and may arrive out of order (the outgoing
 * messages' dispatcher keeps no order between transactions once two of its rounds run side by side, or a record steps
 * aside). Each carries the whole state of what it is about, so the newest wins: an older seat quantity delivered late
 * must not undo the owner's latest, or SeatsAvailability would sell the previous quota for good (V9).
 */
class ConferenceEventsOutOfOrderTest extends RegistrationServiceTest {

    private static final Duration HOLD = Duration.ofMinutes(15);

    @Test
    void an_older_quantity_arriving_after_a_newer_one_does_not_undo_it() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 10, Money.of("25.00", "EUR")));
        // ConferenceCreated 1, SeatCreated 2, ConferencePublished 3; the owner then sets 5 (version 4), then 8 (5).
        upstream().quantityChanged(conference, 5, 0, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.onSale(conference.id(), Map.of(conference.seatType(), 8)));
        upstream().quantityChanged(conference, 4, 0, 5); // delivered late

        // Handled within milliseconds: the quantity must stay the owner's latest meanwhile and after.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.remaining(conference.id(), conference.seatType()))
                        .as("the owner's latest quantity (version 5) is on sale").isEqualTo(8));
    }

    /**
     * An event without a version (as tests and older senders send) is applied as it comes, but leaves the version the
     * row was written from as it was: an older versioned event delivered after it is still older than that.
     */
    @Test
    void an_unversioned_quantity_keeps_the_version_its_row_was_written_from() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 10, Money.of("25.00", "EUR")));
        upstream().quantityChanged(conference, 5, 0, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.onSale(conference.id(), Map.of(conference.seatType(), 8)));
        upstream().quantityChanged(conference, Envelope.UNVERSIONED, 0, 6);
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.onSale(conference.id(), Map.of(conference.seatType(), 6)));
        upstream().quantityChanged(conference, 4, 0, 5); // older than the version 5 the row was written from

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.remaining(conference.id(), conference.seatType()))
                        .as("the unversioned event's quantity stays on sale").isEqualTo(6));
    }
}
