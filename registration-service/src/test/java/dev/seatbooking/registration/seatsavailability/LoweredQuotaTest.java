package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner lowers a seat type's quota below the seats held: the reduction not yet taken is remembered and paid off by
 * the first seats that come back, so the conference never sells more than the owner's quota.
 */
class LoweredQuotaTest {

    private final SeatsAvailability availability = new SeatsAvailability(CONFERENCE);

    @Test
    void seats_released_by_an_expired_hold_go_back_on_sale_only_up_to_the_lowered_quota() {
        decide(availability.addSeats(addSeats(GENERAL, 100), NOW));
        decide(availability.makeReservation(makeReservation(ORDER, seat(GENERAL, 98)), NOW));

        decide(availability.removeSeats(removeSeats(GENERAL, 10))); // quota 90, 98 held
        assertThat(availability.remaining(GENERAL)).isZero();

        decide(availability.cancelReservation(cancelReservation(ORDER), NOW));
        assertThat(availability.remaining(GENERAL)).as("on sale after the hold ended").isEqualTo(90);
    }

    @Test
    void seats_given_back_by_a_smaller_reservation_pay_off_the_lowered_quota_first() {
        decide(availability.addSeats(addSeats(GENERAL, 10), NOW));
        decide(availability.makeReservation(makeReservation(ORDER, seat(GENERAL, 8)), NOW));
        decide(availability.removeSeats(removeSeats(GENERAL, 5))); // quota 5: 2 off sale, 3 owed

        decide(availability.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), NOW));
        assertThat(availability.remaining(GENERAL)).as("quota 5 - 4 held").isEqualTo(1);
    }

    @Test
    void raising_the_quota_after_lowering_it_nets_out() {
        decide(availability.addSeats(addSeats(GENERAL, 100), NOW));
        decide(availability.makeReservation(makeReservation(ORDER, seat(GENERAL, 98)), NOW));
        decide(availability.removeSeats(removeSeats(GENERAL, 10))); // quota 90: 8 owed
        decide(availability.addSeats(addSeats(GENERAL, 5), NOW));        // quota 95: 3 owed
        assertThat(availability.remaining(GENERAL)).isZero();

        decide(availability.cancelReservation(cancelReservation(ORDER), NOW));
        assertThat(availability.remaining(GENERAL)).isEqualTo(95);
    }

    @Test
    void seats_sold_beyond_a_lowered_quota_stay_owed_until_the_quota_is_raised_again() {
        decide(availability.addSeats(addSeats(GENERAL, 100), NOW));
        decide(availability.makeReservation(makeReservation(ORDER, seat(GENERAL, 98)), NOW));
        decide(availability.removeSeats(removeSeats(GENERAL, 10))); // quota 90: 8 owed
        decide(availability.commitReservation(commitReservation(ORDER))); // 98 sold

        decide(availability.addSeats(addSeats(GENERAL, 10), NOW));       // quota 100
        assertThat(availability.remaining(GENERAL)).as("quota 100 - 98 sold").isEqualTo(2);
    }

    private void decide(List<SeatsAvailabilityEvent> events) {
        events.forEach(availability::apply);
    }
}
