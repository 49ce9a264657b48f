package dev.seatbooking.conference.domain;

import dev.seatbooking.contracts.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conference's rules, without a database. */
class ConferenceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final UUID GENERAL = UUID.randomUUID();

    private final Conference conference = new Conference(UUID.randomUUID(), details("CQRS Summit"),
            AccessCode.hash("CODE"), NOW);

    @Test
    void the_first_publication_is_told_apart_from_later_ones() {
        assertThat(conference.publish(NOW)).isEqualTo(Conference.Publication.FIRST);
        assertThat(conference.publish(NOW)).isEqualTo(Conference.Publication.UNCHANGED);
        assertThat(conference.unpublish(NOW)).isTrue();
        assertThat(conference.unpublish(NOW)).isFalse();
        assertThat(conference.publish(NOW)).isEqualTo(Conference.Publication.AGAIN);
        assertThat(conference.wasEverPublished()).isTrue();
    }

    @Test
    void an_update_with_the_same_details_changes_nothing() {
        assertThat(conference.update(details("CQRS Summit"), NOW)).isFalse();
        assertThat(conference.update(details("CQRS Summit II"), NOW)).isTrue();
        assertThat(conference.details().name()).isEqualTo("CQRS Summit II");
    }

    @Test
    void seat_types_can_be_removed_only_while_never_published() {
        conference.addSeatType(GENERAL, general(10), NOW);
        UUID vip = UUID.randomUUID();
        conference.addSeatType(vip, new SeatTypeDetails("VIP", "", 1, Money.of("10", "EUR")), NOW);
        conference.removeSeatType(vip, NOW);
        conference.publish(NOW);
        conference.unpublish(NOW);

        assertThatThrownBy(() -> conference.removeSeatType(GENERAL, NOW))
                .isInstanceOf(ConferenceRejection.ConferenceWasPublished.class);
        assertThat(conference.seatTypes()).extracting(SeatType::id).containsExactly(GENERAL);
    }

    @Test
    void a_quantity_never_shrinks_below_the_seats_sold() {
        conference.addSeatType(GENERAL, general(10), NOW);

        assertThatThrownBy(() -> conference.updateSeatType(GENERAL, general(5), 6, NOW))
                .isInstanceOf(ConferenceRejection.SeatsAlreadySold.class)
                .hasMessageContaining("6 seats");
        assertThat(conference.updateSeatType(GENERAL, general(6), 6, NOW)).isTrue();
        assertThat(conference.updateSeatType(GENERAL, general(60), 6, NOW)).isTrue();
    }

    @Test
    void a_quantity_already_below_the_seats_sold_may_stay_or_grow_but_not_shrink() {
        // registration confirmed an order while the owner shrank the quantity: 8 sold of 5
        conference.addSeatType(GENERAL, general(5), NOW);

        assertThat(conference.updateSeatType(GENERAL, new SeatTypeDetails("General", "renamed", 5,
                Money.of("100", "EUR")), 8, NOW)).isTrue();
        assertThat(conference.updateSeatType(GENERAL, general(7), 8, NOW)).isTrue();
        assertThatThrownBy(() -> conference.updateSeatType(GENERAL, general(6), 8, NOW))
                .isInstanceOf(ConferenceRejection.SeatsAlreadySold.class);
    }

    @Test
    void seat_types_share_one_currency() {
        conference.addSeatType(GENERAL, general(10), NOW);

        assertThatThrownBy(() -> conference.addSeatType(UUID.randomUUID(),
                new SeatTypeDetails("VIP", "", 1, Money.of("10", "USD")), NOW))
                .isInstanceOf(ConferenceRejection.CurrencyMismatch.class);
        assertThat(conference.updateSeatType(GENERAL, new SeatTypeDetails("General", "", 10, Money.of("90", "USD")),
                0, NOW)).isTrue();
    }

    @Test
    void a_seat_type_id_is_used_once() {
        conference.addSeatType(GENERAL, general(10), NOW);
        assertThatThrownBy(() -> conference.addSeatType(GENERAL, general(10), NOW))
                .isInstanceOf(ConferenceRejection.SeatTypeAlreadyExists.class);
        assertThatThrownBy(() -> conference.updateSeatType(UUID.randomUUID(), general(10), 0, NOW))
                .isInstanceOf(ConferenceRejection.SeatTypeNotFound.class);
    }

    @Test
    void event_versions_count_up_from_one() {
        assertThat(conference.eventVersion()).isZero();
        assertThat(conference.nextEventVersion()).isEqualTo(1);
        assertThat(conference.nextEventVersion()).isEqualTo(2);
        assertThat(conference.eventVersion()).isEqualTo(2);
    }

    @Test
    void the_reservation_hold_is_whole_minutes_and_defaults_to_15() {
        assertThat(holds(null, null).reservationHold()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new Conference(UUID.randomUUID(), holds(Duration.ofSeconds(90), null),
                AccessCode.hash("C"), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_waitlist_offer_hold_is_whole_hours_and_defaults_to_24() {
        assertThat(holds(null, null).offerHold()).isEqualTo(Duration.ofHours(24));
        Conference conference = new Conference(UUID.randomUUID(), holds(null, Duration.ofHours(2)), AccessCode.hash("C"), NOW);
        assertThat(conference.offerHold()).isEqualTo(Duration.ofHours(2));
        assertThat(conference.details().offerHold()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> new Conference(UUID.randomUUID(), holds(null, Duration.ofMinutes(90)),
                AccessCode.hash("C"), NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offerHold");
        assertThatThrownBy(() -> holds(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changing_only_the_offer_hold_is_a_change() {
        ConferenceDetails d = conference.details();
        ConferenceDetails longer = new ConferenceDetails(d.slug(), d.name(), d.description(), d.location(), d.tagline(),
                d.twitterSearch(), d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(), d.reservationHold(),
                Duration.ofHours(3));

        assertThat(conference.update(longer, NOW)).isTrue();
        assertThat(conference.offerHold()).isEqualTo(Duration.ofHours(3));
        assertThat(conference.update(longer, NOW)).isFalse();
    }

    @Test
    void the_cancellation_cut_off_defaults_to_7_days_and_changing_only_it_is_a_change() {
        assertThat(holds(null, null).cancellationCutoffDays()).isEqualTo(7);
        ConferenceDetails d = conference.details();
        ConferenceDetails shorter = new ConferenceDetails(d.slug(), d.name(), d.description(), d.location(),
                d.tagline(), d.twitterSearch(), d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(),
                d.reservationHold(), d.offerHold(), 0);

        assertThat(conference.update(shorter, NOW)).isTrue();
        assertThat(conference.details().cancellationCutoffDays()).isZero();
        assertThat(conference.update(shorter, NOW)).isFalse();
    }

    private static ConferenceDetails holds(Duration reservationHold, Duration offerHold) {
        return new ConferenceDetails("s", "n", "d", "l", null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1),
                "o", "o@example.org", reservationHold, offerHold);
    }

    private static SeatTypeDetails general(int quantity) {
        return new SeatTypeDetails("General", "", quantity, Money.of("100", "EUR"));
    }

    private static ConferenceDetails details(String name) {
        return new ConferenceDetails("cqrs-summit", name, "Two days", "Redmond", null, null,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), "Ada", "ada@example.org", null, null);
    }
}
