package dev.seatbooking.readmodel.conference;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.conferenceCreated;
import static dev.seatbooking.readmodel.support.Samples.conferenceRenamed;
import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;

class ConferencesProjectionTest extends ProjectionTest {

    static final UUID GENERAL = UUID.randomUUID();
    static final UUID WORKSHOP = UUID.randomUUID();

    @Autowired
    ConferencesProjection projection;
    @Autowired
    ConferenceQueries queries;

    ProjectionHarness harness;
    Stream conference;
    Stream availability;
    UUID id;

    @BeforeEach
    void setUp() {
        harness = harness(projection);
        conference = Stream.random();
        id = conference.id();
        availability = Stream.of(id);
    }

    List<Envelope> publishedWithTwoSeatTypes(String slug) {
        return List.of(conference.next(conferenceCreated(id, slug)),
                conference.next(seatCreated(id, GENERAL, "General", 100, "199.00")),
                conference.next(seatCreated(id, WORKSHOP, "Workshop", 20, "99.50")),
                conference.next(new ConferencePublished(id)));
    }

    ConferenceDetails page(String slug) {
        return queries.publishedBySlug(harness.tables(), slug).orElseThrow();
    }

    ConferenceDetails.SeatType seatType(String slug, UUID seatType) {
        return page(slug).seatTypes().stream().filter(s -> s.id().equals(seatType)).findFirst().orElseThrow();
    }

    int available(String slug, UUID seatType) {
        return seatType(slug, seatType).availableQuantity();
    }

    boolean waitlisted(String slug, UUID seatType) {
        return seatType(slug, seatType).waitlisted();
    }

    /** The conference, published, with its General seats sold out: the state in which people join the waitlist. */
    void soldOut(String slug) {
        harness.feed(publishedWithTwoSeatTypes(slug));
        harness.feed(availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 2), seats(WORKSHOP, 20)))),
                availability.next(new SeatsReserved(id, UUID.randomUUID(), List.of(seats(GENERAL, 2)),
                        List.of(seats(GENERAL, -2)))));
    }

    Envelope joined(UUID entry, int quantity) {
        return availability.next(new WaitlistJoined(id, entry, GENERAL, quantity));
    }

    /** Seats released by a cancelled reservation, offered straight to an entry (never on sale). */
    Envelope offered(UUID entry, int seats) {
        return availability.next(new WaitlistOfferMade(id, entry, seats(GENERAL, seats), List.of(), Instant.now()));
    }

    @Test
    void a_seat_type_is_waitlisted_from_the_first_join_and_the_others_are_not() {
        soldOut("waitjoin");
        assertThat(waitlisted("waitjoin", GENERAL)).isFalse();

        harness.feed(joined(UUID.randomUUID(), 3));

        assertThat(waitlisted("waitjoin", GENERAL)).isTrue();
        assertThat(waitlisted("waitjoin", WORKSHOP)).isFalse();
        assertThat(available("waitjoin", GENERAL)).isZero();
        assertThat(page("waitjoin").availabilityVersion()).isEqualTo(3);
    }

    @Test
    void an_entry_holding_partial_then_whole_offers_keeps_the_type_waitlisted_until_it_accepts() {
        soldOut("waitaccept");
        UUID entry = UUID.randomUUID();
        harness.feed(joined(entry, 3), offered(entry, 1), offered(entry, 3));
        assertThat(waitlisted("waitaccept", GENERAL)).as("holding an open offer").isTrue();

        harness.feed(availability.next(new WaitlistOfferAccepted(id, entry, UUID.randomUUID(),
                List.of(seats(GENERAL, 3)))));

        assertThat(waitlisted("waitaccept", GENERAL)).isFalse();
        assertThat(available("waitaccept", GENERAL)).as("the offered seats became an order's").isZero();
    }

    @Test
    void the_type_stays_waitlisted_until_its_last_entry_leaves_or_lapses() {
        soldOut("waitend");
        UUID leaving = UUID.randomUUID();
        UUID lapsing = UUID.randomUUID();
        harness.feed(joined(leaving, 2), joined(lapsing, 1), offered(leaving, 1));

        // The one who leaves declines one seat: it passes to the next entry, nothing goes on sale.
        harness.feed(availability.next(new WaitlistLeft(id, leaving, List.of(), List.of())), offered(lapsing, 1));
        assertThat(waitlisted("waitend", GENERAL)).isTrue();

        // Nobody is left to offer the seat to: it goes back on sale.
        harness.feed(availability.next(new WaitlistOfferLapsed(id, lapsing, List.of(seats(GENERAL, 1)), List.of())));
        assertThat(waitlisted("waitend", GENERAL)).isFalse();
        assertThat(available("waitend", GENERAL)).isEqualTo(1);
    }

    @Test
    void an_offer_of_seats_on_sale_takes_them_off_sale() {
        harness.feed(publishedWithTwoSeatTypes("waitsale"));
        UUID entry = UUID.randomUUID();
        harness.feed(availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 5)))), joined(entry, 2),
                availability.next(new WaitlistOfferMade(id, entry, seats(GENERAL, 2), List.of(seats(GENERAL, -2)),
                        Instant.now())));

        assertThat(available("waitsale", GENERAL)).isEqualTo(3);
        assertThat(waitlisted("waitsale", GENERAL)).isTrue();
    }

    @Test
    void a_redelivered_join_does_not_put_an_ended_entry_back() {
        soldOut("waitredeliver");
        UUID entry = UUID.randomUUID();
        Envelope join = joined(entry, 1);
        harness.feed(join, availability.next(new WaitlistLeft(id, entry, List.of(), List.of())));

        var outcome = harness.feed(join);

        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(waitlisted("waitredeliver", GENERAL)).isFalse();
    }

    @Test
    void a_promotional_code_moves_the_conference_version_and_shows_nowhere_on_its_page() {
        harness.feed(publishedWithTwoSeatTypes("codes"));
        ConferenceDetails before = page("codes");

        harness.feed(List.of(conference.next(new PromotionalCodeDefined(id, UUID.randomUUID(), "SPEAKER",
                Discount.percentage(100), CodeScope.ALL_SEAT_TYPES, null, null, null, true, true))));

        ConferenceDetails after = page("codes");
        assertThat(after.version()).isEqualTo(5);
        assertThat(after.seatTypes()).isEqualTo(before.seatTypes());
    }

    @Test
    void a_published_conference_shows_its_seat_types_and_prices_and_is_listed() {
        harness.feed(publishedWithTwoSeatTypes("devconf"));

        ConferenceDetails page = page("devconf");
        assertThat(page.name()).isEqualTo("Conference devconf");
        assertThat(page.version()).isEqualTo(4);
        assertThat(page.seatTypes()).extracting(ConferenceDetails.SeatType::name, s -> s.price().amount(),
                        ConferenceDetails.SeatType::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("General", new BigDecimal("199.00"), 100),
                        org.assertj.core.groups.Tuple.tuple("Workshop", new BigDecimal("99.50"), 20));
        assertThat(queries.published(harness.tables())).extracting(ConferenceSummary::slug).containsExactly("devconf");
    }

    @Test
    void a_conference_never_published_or_unpublished_is_not_shown() {
        harness.feed(conference.next(conferenceCreated(id, "hidden")));
        assertThat(queries.publishedBySlug(harness.tables(), "hidden")).isEmpty();

        harness.feed(conference.next(new ConferencePublished(id)), conference.next(new ConferenceUnpublished(id)));
        assertThat(queries.publishedBySlug(harness.tables(), "hidden")).isEmpty();
        assertThat(queries.published(harness.tables())).isEmpty();
    }

    @Test
    void available_seats_follow_additions_reservations_and_cancellations() {
        harness.feed(publishedWithTwoSeatTypes("avail"));
        assertThat(available("avail", GENERAL)).as("no seats until Registration added them").isZero();

        UUID order = UUID.randomUUID();
        harness.feed(
                availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 100), seats(WORKSHOP, 20)))),
                availability.next(new SeatsReserved(id, order, List.of(seats(GENERAL, 3)), List.of(seats(GENERAL, -3)))));
        assertThat(available("avail", GENERAL)).isEqualTo(97);
        assertThat(available("avail", WORKSHOP)).isEqualTo(20);

        harness.feed(availability.next(new SeatsReservationCancelled(id, order, List.of(seats(GENERAL, 3)))),
                availability.next(new AvailableSeatsChanged(id, List.of(seats(WORKSHOP, -5)))));
        assertThat(available("avail", GENERAL)).isEqualTo(100);
        assertThat(available("avail", WORKSHOP)).isEqualTo(15);
        assertThat(page("avail").availabilityVersion()).isEqualTo(4);
    }

    @Test
    void a_committed_reservation_changes_nothing_more() {
        harness.feed(publishedWithTwoSeatTypes("commit"));
        UUID order = UUID.randomUUID();
        harness.feed(availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 10)))),
                availability.next(new SeatsReserved(id, order, List.of(seats(GENERAL, 2)), List.of(seats(GENERAL, -2)))),
                availability.next(new SeatsReservationCommitted(id, order)));

        assertThat(available("commit", GENERAL)).isEqualTo(8);
    }

    @Test
    void availability_that_arrives_before_the_seat_type_is_kept() {
        harness.feed(availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 50)))));
        harness.feed(publishedWithTwoSeatTypes("early"));

        assertThat(available("early", GENERAL)).isEqualTo(50);
    }

    @Test
    void a_redelivered_reservation_is_not_counted_twice() {
        harness.feed(publishedWithTwoSeatTypes("redeliver"));
        Envelope added = availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 10))));
        Envelope reserved = availability.next(new SeatsReserved(id, UUID.randomUUID(), List.of(seats(GENERAL, 4)),
                List.of(seats(GENERAL, -4))));
        harness.feed(added, reserved);

        // the same events again: in the same batch, in a later batch, and re-published with new message ids
        var outcome = harness.feed(reserved, added, reserved);
        harness.feed(availability.at(2, reserved.payload()));

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.duplicates()).isEqualTo(3);
        assertThat(available("redeliver", GENERAL)).isEqualTo(6);
    }

    @Test
    void an_older_version_arriving_after_a_newer_one_is_ignored() {
        Envelope created = conference.next(conferenceCreated(id, "order"));
        Envelope renamed = conference.next(conferenceRenamed(id, "order", "Renamed"));
        Envelope published = conference.next(new ConferencePublished(id));
        harness.feed(created, renamed, published);

        harness.feed(created);

        assertThat(page("order").name()).isEqualTo("Renamed");
        assertThat(page("order").location()).isEqualTo("Porto");
    }

    @Test
    void seat_type_changes_and_renames_show_the_latest_state() {
        harness.feed(publishedWithTwoSeatTypes("update"));
        harness.feed(conference.next(new SeatUpdated(id, GENERAL, "Standard", "Standard seat", 120,
                Money.of("180", "EUR"))), conference.next(conferenceRenamed(id, "update2", "Renamed")));

        assertThat(queries.publishedBySlug(harness.tables(), "update")).isEmpty();
        ConferenceDetails page = page("update2");
        assertThat(page.seatTypes()).filteredOn(s -> s.id().equals(GENERAL)).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("Standard");
                    assertThat(s.quantity()).isEqualTo(120);
                    assertThat(s.price().amount()).isEqualByComparingTo("180");
                });
        assertThat(page.version()).isEqualTo(6);
    }

    @Test
    void a_version_gap_is_applied_and_recorded() {
        harness.feed(conference.next(conferenceCreated(id, "gap")));
        harness.feed(conference.at(3, new ConferencePublished(id)));

        assertThat(page("gap").version()).isEqualTo(3);
        assertThat(harness.anomalies()).containsEntry("version-gap", 1L);
    }
}
