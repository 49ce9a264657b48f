package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.payments.RefundReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.CONFERENCE;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.ORDER;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.OTHER_PAYMENT;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.PAYMENT;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.order;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.pendingOrder;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "This money must go back": payments owns the decision, registration decides which payment is the order's (the one
 * its OrderConfirmed names). Whichever of a payment's completion and its order's confirmation or expiry payments sees
 * first, the second asks the order, and a completed payment the order did not take is due back.
 */
class KnownOrderTest {

    private static final UUID THIRD_PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000f3");

    @Nested
    class WhenAPaymentCompletes {

        @Test
        void a_payment_completed_for_a_pending_order_waits_for_registration_to_decide() {
            assertThat(pendingOrder().refundDueWhenCompletedBy(PAYMENT)).isEmpty();
        }

        @Test
        void a_payment_completed_after_the_order_expired_is_due_back() {
            assertThat(order(OrderStatus.EXPIRED, null).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_EXPIRED);
        }

        @Test
        void a_payment_completed_after_the_order_was_confirmed_with_another_is_due_back() {
            assertThat(order(OrderStatus.CONFIRMED, OTHER_PAYMENT).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_ALREADY_PAID);
        }

        @Test
        void the_payment_the_order_was_confirmed_with_is_kept() {
            assertThat(order(OrderStatus.CONFIRMED, PAYMENT).refundDueWhenCompletedBy(PAYMENT)).isEmpty();
        }

        @Test
        void a_payment_completed_after_the_order_was_cancelled_is_due_back() {
            assertThat(order(OrderStatus.CANCELLED, OTHER_PAYMENT).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_CANCELLED);
        }

        @Test
        void a_payment_completed_for_an_order_confirmed_without_it_is_due_back() {
            assertThat(order(OrderStatus.CONFIRMED, null).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_ALREADY_PAID);
        }
    }

    @Nested
    class WhenTheOrderIsConfirmed {

        @Test
        void every_completed_payment_but_the_one_it_was_confirmed_with_is_due_back() {
            assertThat(order(OrderStatus.CONFIRMED, OTHER_PAYMENT)
                    .refundDueWhenConfirmed(List.of(PAYMENT, OTHER_PAYMENT, THIRD_PAYMENT)))
                    .containsExactly(PAYMENT, THIRD_PAYMENT);
        }

        @Test
        void an_order_confirmed_with_its_only_payment_owes_nothing() {
            assertThat(order(OrderStatus.CONFIRMED, PAYMENT).refundDueWhenConfirmed(List.of(PAYMENT))).isEmpty();
        }

        @Test
        void a_free_order_confirmed_without_payment_owes_back_every_completed_one() {
            var free = new KnownOrder(ORDER, CONFERENCE, eur("0.00"), true, OrderStatus.CONFIRMED, null);
            assertThat(free.refundDueWhenConfirmed(List.of(PAYMENT))).containsExactly(PAYMENT);
        }

        @Test
        void confirmed_by_an_event_that_does_not_name_its_payment_the_first_completed_is_kept_as_before() {
            assertThat(order(OrderStatus.CONFIRMED, null).refundDueWhenConfirmed(List.of(PAYMENT, OTHER_PAYMENT)))
                    .containsExactly(OTHER_PAYMENT);
        }
    }

    @Nested
    class WhenTheOrderExpires {

        @Test
        void every_payment_that_had_completed_for_it_is_due_back() {
            assertThat(order(OrderStatus.EXPIRED, null).refundDueWhenExpired(List.of(PAYMENT, OTHER_PAYMENT)))
                    .containsExactly(PAYMENT, OTHER_PAYMENT);
        }

        @Test
        void an_order_nobody_paid_owes_nothing() {
            assertThat(order(OrderStatus.EXPIRED, null).refundDueWhenExpired(List.of())).isEmpty();
        }
    }

    @Test
    void when_the_order_is_cancelled_the_payment_that_confirmed_it_is_due_back() {
        assertThat(order(OrderStatus.CANCELLED, PAYMENT).refundDueWhenCancelled(List.of(PAYMENT)))
                .containsExactly(PAYMENT);
    }
}
