package dev.seatbooking.registration.process;

import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.process.ProcessScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

class OrderConfirmedTest {

    @Test
    void a_paid_order_confirmed_forgets_its_expiry_and_commits_its_seats() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(orderConfirmed())
                .thenSends(commitSeatReservation())
                .thenCancelsTheExpiry()
                .thenCompletes(Completion.CONFIRMED)
                .thenReportsNothing()
                .state(s -> assertThat(s.expirationCommandId()).isNull());
    }

    @Test
    void a_free_order_confirmed_without_payment_commits_its_seats() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(freeOrderConfirmed())
                .thenSends(commitSeatReservation())
                .thenCancelsTheExpiry()
                .thenCompletes(Completion.CONFIRMED);
    }

    @Test
    void confirmed_again_it_changes_nothing() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderConfirmed())
                .when(orderConfirmed())
                .thenIgnores();
    }

    @Test
    void an_order_confirmed_after_its_process_rejected_it_needs_a_person() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), expiry())
                .when(orderConfirmed())
                .thenAsksForAttention();
    }

    @Test
    void an_order_confirmed_before_its_process_started_needs_a_person() {
        givenNothing()
                .when(orderConfirmed())
                .thenAsksForAttention();
    }
}
