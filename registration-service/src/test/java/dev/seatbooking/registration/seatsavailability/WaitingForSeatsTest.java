package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The waitlist rules of docs/domain.md "Waitlist": who gets the seats that come back, and when. */
class WaitingForSeatsTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    /** GENERAL: 4 seats, all held by ORDER. */
    private static final List<SeatsAvailabilityEvent> SOLD_OUT = List.of(seatsAdded(GENERAL, 4),
            seatsReserved(ORDER, GENERAL, 4));

    private static List<SeatsAvailabilityEvent> soldOutAnd(SeatsAvailabilityEvent... more) {
        var events = new ArrayList<>(SOLD_OUT);
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void joining_a_sold_out_seat_type_puts_the_entry_at_the_back_of_its_waitlist() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2)))
                .when(a -> a.joinWaitlist(joinWaitlist(SECOND_ENTRY, GENERAL, 3), NOW))
                .then(joined(SECOND_ENTRY, GENERAL, 3))
                .state(a -> assertThat(a.waitlist(GENERAL)).containsExactly(ENTRY, SECOND_ENTRY));
    }

    @Test
    void joining_while_seats_are_on_sale_offers_them_at_once() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 3))
                .when(a -> a.joinWaitlist(joinWaitlist(ENTRY, GENERAL, 2), NOW))
                .then(joined(ENTRY, GENERAL, 2), offerMadeFromSale(ENTRY, GENERAL, 1))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.offered(ENTRY)).isEqualTo(1);
                });
    }

    @Test
    void joining_twice_with_the_same_entry_does_nothing() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2)))
                .when(a -> a.joinWaitlist(joinWaitlist(ENTRY, GENERAL, 2), NOW))
                .thenNothing();
    }

    @Test
    void joining_for_more_seats_than_an_order_may_have_of_a_type_or_none_is_an_error() {
        availability.given(SOLD_OUT)
                .when(a -> a.joinWaitlist(joinWaitlist(ENTRY, GENERAL, 21), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.InvalidWaitlistQuantity.class);
        availability.given(SOLD_OUT)
                .when(a -> a.joinWaitlist(joinWaitlist(ENTRY, GENERAL, 0), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.InvalidWaitlistQuantity.class);
        availability.given(SOLD_OUT)
                .when(a -> a.joinWaitlist(joinWaitlist(ENTRY, NOT_SOLD_HERE, 1), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.UnknownSeatType.class);
    }

    @Test
    void leaving_without_an_offer_only_ends_the_entry() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2)))
                .when(a -> a.leaveWaitlist(leaveWaitlist(ENTRY), NOW))
                .then(new WaitlistLeft(CONFERENCE, ENTRY, List.of(), List.of()))
                .state(a -> assertThat(a.waitlist(GENERAL)).isEmpty());
    }

    @Test
    void leaving_an_unknown_entry_does_nothing() {
        availability.given(SOLD_OUT).when(a -> a.leaveWaitlist(leaveWaitlist(ENTRY), NOW)).thenNothing();
    }

    @Test
    void seats_of_a_cancelled_reservation_are_offered_to_the_first_entry_and_never_go_on_sale() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4)))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.offered(ENTRY)).isEqualTo(4);
                    assertThat(a.offerExpiresAt(ENTRY)).contains(OFFER_END);
                });
    }

    @Test
    void seats_a_smaller_reservation_gives_up_go_to_the_waitlist() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2)))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 1)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 1)), availabilityChanged(change(GENERAL, 1))),
                        offerMade(ENTRY, GENERAL, 2));
    }

    @Test
    void seats_the_owner_adds_go_to_the_waitlist_first_and_the_rest_on_sale() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2)))
                .when(a -> a.addSeats(addSeats(GENERAL, 5), NOW))
                .then(seatsAdded(GENERAL, 3), offerMade(ENTRY, GENERAL, 2))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(3));
    }

    @Test
    void seats_owed_by_a_lowered_quota_are_paid_off_before_the_waitlist_gets_any() {
        availability.given(soldOutAnd(quotaLowered(GENERAL, 0, 1), joined(ENTRY, GENERAL, 2)))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(new SeatsReservationCancelled(CONFERENCE, ORDER, availabilityChanged(change(GENERAL, 1)),
                                owedChanged(change(GENERAL, -1))),
                        offerMade(ENTRY, GENERAL, 2))
                .state(a -> assertThat(a.remaining(GENERAL)).as("4 back: 1 owed, 2 offered").isEqualTo(1));
    }

    @Test
    void seats_go_to_the_entries_in_the_order_they_joined() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 1), joined(SECOND_ENTRY, GENERAL, 2),
                        joined(THIRD_ENTRY, GENERAL, 2)))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 1), offerMade(SECOND_ENTRY, GENERAL, 2),
                        offerMade(THIRD_ENTRY, GENERAL, 1));
    }

    @Test
    void fewer_seats_than_the_first_entry_wants_are_offered_to_it_and_no_later_entry_gets_any() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 2),
                        seatsReserved(OTHER_ORDER, GENERAL, 2), joined(ENTRY, GENERAL, 3), joined(SECOND_ENTRY, GENERAL, 1))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 2))
                .state(a -> assertThat(a.offered(SECOND_ENTRY)).isZero());
    }

    @Test
    void a_partial_offer_grows_as_seats_come_back_and_keeps_its_expiry() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 2),
                        seatsReserved(OTHER_ORDER, GENERAL, 2), joined(ENTRY, GENERAL, 3), joined(SECOND_ENTRY, GENERAL, 1),
                        reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 2))
                .when(a -> a.cancelReservation(cancelReservation(OTHER_ORDER), NOW.plusSeconds(3600)))
                .then(reservationCancelled(OTHER_ORDER), offerMade(ENTRY, GENERAL, 3),
                        new WaitlistOfferMade(CONFERENCE, SECOND_ENTRY, seat(GENERAL, 1), List.of(),
                                OFFER_END.plusSeconds(3600)))
                .state(a -> {
                    assertThat(a.offerExpiresAt(ENTRY)).as("not moved").contains(OFFER_END);
                    assertThat(a.offerExpiresAt(SECOND_ENTRY)).contains(OFFER_END.plusSeconds(3600));
                });
    }

    @Test
    void an_offer_in_a_conference_holding_offers_2_hours_lapses_2_hours_after_it_was_made() {
        Instant twoHoursLater = NOW.plus(Duration.ofHours(2));
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4)))
                .when(a -> {
                    a.offerHold(OfferHold.of(Duration.ofHours(2)));
                    return a.cancelReservation(cancelReservation(ORDER), NOW);
                })
                .then(reservationCancelled(ORDER),
                        new WaitlistOfferMade(CONFERENCE, ENTRY, seat(GENERAL, 4), List.of(), twoHoursLater))
                .state(a -> {
                    assertThat(a.expireOffer(expireOffer(ENTRY), twoHoursLater.minusMillis(1))).isEmpty();
                    assertThat(a.expireOffer(expireOffer(ENTRY), twoHoursLater))
                            .first().isInstanceOf(WaitlistOfferLapsed.class);
                });
    }

    @Test
    void changing_the_hold_later_does_not_move_an_open_offers_expiry_even_as_it_grows() {
        Instant twoHoursLater = NOW.plus(Duration.ofHours(2));
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 2),
                        seatsReserved(OTHER_ORDER, GENERAL, 2), joined(ENTRY, GENERAL, 3), joined(SECOND_ENTRY, GENERAL, 1),
                        reservationCancelled(ORDER),
                        new WaitlistOfferMade(CONFERENCE, ENTRY, seat(GENERAL, 2), List.of(), twoHoursLater))
                .when(a -> {
                    a.offerHold(OfferHold.of(Duration.ofHours(5)));
                    return a.cancelReservation(cancelReservation(OTHER_ORDER), NOW.plusSeconds(60));
                })
                .then(reservationCancelled(OTHER_ORDER),
                        new WaitlistOfferMade(CONFERENCE, ENTRY, seat(GENERAL, 3), List.of(), twoHoursLater),
                        new WaitlistOfferMade(CONFERENCE, SECOND_ENTRY, seat(GENERAL, 1), List.of(),
                                NOW.plusSeconds(60).plus(Duration.ofHours(5))))
                .state(a -> assertThat(a.offerExpiresAt(ENTRY)).as("the hold it was made with").contains(twoHoursLater));
    }

    @Test
    void a_lapsed_offer_passes_its_seats_to_the_next_entry() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), joined(SECOND_ENTRY, GENERAL, 3),
                        reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4)))
                .when(a -> a.expireOffer(expireOffer(ENTRY), OFFER_END))
                .then(new WaitlistOfferLapsed(CONFERENCE, ENTRY, availabilityChanged(change(GENERAL, 1)), List.of()),
                        new WaitlistOfferMade(CONFERENCE, SECOND_ENTRY, seat(GENERAL, 3), List.of(),
                                OFFER_END.plus(Duration.ofHours(24))))
                .state(a -> {
                    assertThat(a.waitlist(GENERAL)).containsExactly(SECOND_ENTRY);
                    assertThat(a.remaining(GENERAL)).isEqualTo(1);
                });
    }

    @Test
    void an_offer_does_not_lapse_before_its_time_nor_twice() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4)))
                .when(a -> a.expireOffer(expireOffer(ENTRY), OFFER_END.minusMillis(1)))
                .thenNothing();
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4),
                        new WaitlistOfferLapsed(CONFERENCE, ENTRY, availabilityChanged(change(GENERAL, 4)), List.of())))
                .when(a -> a.expireOffer(expireOffer(ENTRY), OFFER_END))
                .thenNothing();
    }

    @Test
    void a_declined_offer_passes_its_seats_to_the_next_entry() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), joined(SECOND_ENTRY, GENERAL, 4),
                        reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4)))
                .when(a -> a.leaveWaitlist(leaveWaitlist(ENTRY), NOW))
                .then(new WaitlistLeft(CONFERENCE, ENTRY, List.of(), List.of()), offerMade(SECOND_ENTRY, GENERAL, 4));
    }

    @Test
    void the_last_entry_declining_puts_its_seats_on_sale() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4)))
                .when(a -> a.leaveWaitlist(leaveWaitlist(ENTRY), NOW))
                .then(new WaitlistLeft(CONFERENCE, ENTRY, availabilityChanged(change(GENERAL, 4)), List.of()))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(4));
    }

    @Test
    void accepting_an_offer_makes_its_seats_the_reservation_of_the_new_order() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 3)))
                .when(a -> a.acceptOffer(acceptOffer(ENTRY, OTHER_ORDER)))
                .then(new WaitlistOfferAccepted(CONFERENCE, ENTRY, OTHER_ORDER, holding(seat(GENERAL, 3))))
                .state(a -> {
                    assertThat(a.reservation(OTHER_ORDER)).contains(List.of(seat(GENERAL, 3)));
                    assertThat(a.waitlist(GENERAL)).isEmpty();
                    assertThat(a.remaining(GENERAL)).isZero();
                });
    }

    @Test
    void the_order_made_from_an_offer_then_reserves_the_same_seats_without_taking_any() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), joined(SECOND_ENTRY, GENERAL, 1),
                        reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4),
                        new WaitlistOfferAccepted(CONFERENCE, ENTRY, OTHER_ORDER, holding(seat(GENERAL, 4)))))
                .when(a -> a.makeReservation(makeReservation(OTHER_ORDER, seat(GENERAL, 4)), NOW))
                .then(seatsReserved(OTHER_ORDER, holding(seat(GENERAL, 4)), availabilityChanged()));
    }

    @Test
    void an_offer_cannot_be_accepted_twice_nor_without_an_offer_nor_into_an_order_holding_seats() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4)))
                .when(a -> a.acceptOffer(acceptOffer(ENTRY, OTHER_ORDER)))
                .thenRejectedWith(SeatsAvailabilityRejection.NoOpenOffer.class);
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 4), reservationCancelled(ORDER), offerMade(ENTRY, GENERAL, 4),
                        new WaitlistOfferAccepted(CONFERENCE, ENTRY, OTHER_ORDER, holding(seat(GENERAL, 4)))))
                .when(a -> a.acceptOffer(acceptOffer(ENTRY, OTHER_ORDER)))
                .thenRejectedWith(SeatsAvailabilityRejection.NoOpenOffer.class);
        availability.given(seatsAdded(GENERAL, 8), seatsReserved(ORDER, GENERAL, 4), joined(ENTRY, GENERAL, 4),
                        offerMadeFromSale(ENTRY, GENERAL, 4))
                .when(a -> a.acceptOffer(acceptOffer(ENTRY, ORDER)))
                .thenRejectedWith(SeatsAvailabilityRejection.ReservationExists.class);
    }

    @Test
    void a_public_reservation_gets_none_of_a_type_while_someone_waits_for_it() {
        // A seat on sale beside a waiting entry never happens (seats coming back go to the entry first); the stream
        // below is written so only to show that the rule does not depend on it.
        availability.given(seatsAdded(GENERAL, 4), seatsAdded(WORKSHOP, 2), seatsReserved(ORDER, GENERAL, 2),
                        joined(ENTRY, GENERAL, 3), offerMadeFromSale(ENTRY, GENERAL, 2),
                        new AvailableSeatsChanged(CONFERENCE, List.of(change(GENERAL, 1))))
                .when(a -> a.makeReservation(makeReservation(OTHER_ORDER, seat(GENERAL, 1), seat(WORKSHOP, 1)), NOW))
                .then(seatsReserved(OTHER_ORDER, holding(seat(WORKSHOP, 1)), availabilityChanged(change(WORKSHOP, -1))));
    }

    @Test
    void once_every_entry_is_offered_all_it_wants_the_seats_are_on_sale_again() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 2), joined(ENTRY, GENERAL, 1),
                        offerMadeFromSale(ENTRY, GENERAL, 1))
                .when(a -> a.makeReservation(makeReservation(OTHER_ORDER, seat(GENERAL, 1)), NOW))
                .then(seatsReserved(OTHER_ORDER, GENERAL, 1));
    }

    @Test
    void an_entry_that_left_is_offered_nothing() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2), joined(SECOND_ENTRY, GENERAL, 2),
                        new WaitlistLeft(CONFERENCE, ENTRY, List.of(), List.of())))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(reservationCancelled(ORDER, change(GENERAL, 2)), offerMade(SECOND_ENTRY, GENERAL, 2))
                .state(a -> assertThat(a.offered(ENTRY)).isZero());
    }
}
