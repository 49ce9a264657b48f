package dev.seatbooking.registration.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.seatbooking.registration.process.ProcessScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** PaymentCompleted and PaymentRejected, from the Payments context. */
class PaymentTest {

    @Test
    void a_payment_for_a_reserved_order_confirms_it() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(paymentCompleted(PAYMENT))
                .thenSends(confirmOrder(PAYMENT))
                .thenIsIn(ProcessState.PAYMENT_CONFIRMATION_RECEIVED)
                .thenRuns()
                .thenReportsNothing()
                .state(s -> assertThat(s.paymentId()).isEqualTo(PAYMENT));
    }

    @Test
    void a_payment_inside_the_buffer_after_the_countdown_still_confirms_the_order() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(paymentCompleted(PAYMENT).at(HOLD_END.plus(Duration.ofMinutes(13))))
                .thenSends(confirmOrder(PAYMENT));
    }

    @Test
    void the_same_payment_again_is_ignored() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(paymentCompleted(PAYMENT))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderConfirmed())
                .when(paymentCompleted(PAYMENT))
                .thenIgnores();
    }

    @Test
    void a_second_payment_of_the_same_order_is_not_applied() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(paymentCompleted(OTHER_PAYMENT))
                .thenDoesNotApply(OTHER_PAYMENT)
                .thenSendsNothing()
                .thenIsIn(ProcessState.PAYMENT_CONFIRMATION_RECEIVED)
                .state(s -> assertThat(s.paymentId()).isEqualTo(PAYMENT));
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderConfirmed())
                .when(paymentCompleted(OTHER_PAYMENT))
                .thenDoesNotApply(OTHER_PAYMENT)
                .thenSendsNothing();
    }

    @Test
    void a_payment_after_the_order_expired_is_not_applied_and_the_order_stays_unconfirmed() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), expiry())
                .when(paymentCompleted(PAYMENT).at(HOLD_END.plus(Duration.ofMinutes(15))))
                .thenDoesNotApply(PAYMENT)
                .thenSendsNothing()
                .thenCompletes(Completion.REJECTED);
    }

    @Test
    void a_late_payment_turned_away_once_is_not_reported_again() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), expiry(), paymentCompleted(PAYMENT))
                .when(paymentCompleted(PAYMENT))
                .thenIgnores()
                .state(s -> assertThat(s.paymentsToRefund()).containsExactly(PAYMENT));
    }

    @Test
    void a_payment_for_an_order_being_reserved_again_is_not_applied() {
        // The registrant paid the old total after changing the order: the new total is not paid.
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 4)))
                .when(paymentCompleted(PAYMENT))
                .thenDoesNotApply(PAYMENT)
                .thenSendsNothing()
                .thenIsIn(ProcessState.AWAITING_RESERVATION_CONFIRMATION)
                .thenRuns();
    }

    @Test
    void after_a_payment_that_came_while_the_order_was_reserved_again_the_next_payment_confirms_the_order_with_itself() {
        // The OrderConfirmed names the payment of this ConfirmOrder: Payments keeps it and refunds the first one.
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 4)),
                        paymentCompleted(PAYMENT), seatsReserved(seat(GENERAL, 4)))
                .when(paymentCompleted(OTHER_PAYMENT))
                .thenSends(confirmOrder(OTHER_PAYMENT))
                .state(s -> {
                    assertThat(s.paymentId()).isEqualTo(OTHER_PAYMENT);
                    assertThat(s.paymentsToRefund()).containsExactly(PAYMENT);
                });
    }

    @Test
    void a_payment_for_an_order_never_placed_is_not_applied() {
        givenNothing()
                .when(paymentCompleted(PAYMENT))
                .thenDoesNotApply(PAYMENT)
                .thenSendsNothing();
    }

    @Test
    void a_rejected_payment_leaves_the_registrant_free_to_pay_again() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(paymentRejected(PAYMENT))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentRejected(PAYMENT))
                .when(paymentCompleted(OTHER_PAYMENT))
                .thenSends(confirmOrder(OTHER_PAYMENT));
    }

    @Test
    void a_payment_the_order_refuses_for_its_amount_is_not_applied_and_the_order_waits_for_a_payment_again() {
        oldTotalPaidAfterASeatChange()
                .whenTheOrderRefuses(PAYMENT)
                .thenDoesNotApply(PAYMENT)
                .thenIsIn(ProcessState.RESERVATION_CONFIRMATION_RECEIVED)
                .thenRuns()
                .state(s -> assertThat(s.paymentId()).isNull());
    }

    @Test
    void after_a_payment_refused_for_its_amount_the_registrant_pays_again() {
        oldTotalPaidAfterASeatChange()
                .orderRefused(PAYMENT)
                .when(paymentCompleted(OTHER_PAYMENT))
                .thenSends(confirmOrder(OTHER_PAYMENT))
                .thenIsIn(ProcessState.PAYMENT_CONFIRMATION_RECEIVED)
                .state(s -> assertThat(s.paymentsToRefund()).containsExactly(PAYMENT));
        oldTotalPaidAfterASeatChange()
                .orderRefused(PAYMENT)
                .when(paymentCompleted(PAYMENT))
                .thenIgnores();
    }

    @Test
    void a_payment_refused_for_its_amount_does_not_keep_the_order_from_expiring() {
        oldTotalPaidAfterASeatChange()
                .orderRefused(PAYMENT)
                .when(expiry())
                .thenSends(rejectOrder(), cancelSeatReservation())
                .thenCompletes(Completion.REJECTED);
    }

    @Test
    void a_refusal_of_a_payment_the_process_is_not_confirming_with_changes_nothing() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .whenTheOrderRefuses(OTHER_PAYMENT)
                .thenIgnores();
    }

    /** PAYMENT paid 200.00 while the order, changed and reserved again, now costs 300.00. */
    private static ProcessScenario.Given oldTotalPaidAfterASeatChange() {
        return given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 3)),
                seatsReserved(seat(GENERAL, 3)), paymentCompleted(PAYMENT));
    }
}
