package dev.seatbooking.payments.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.OTHER_PAYMENT;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.PAYMENT;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.order;
import static dev.seatbooking.payments.domain.ThirdPartyProcessorPaymentTest.pendingOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "This money must go back": payments owns the decision. Whichever of a payment's completion and its order's
 * expiry payments sees first, the second asks the order, and a completed payment the order cannot take is due back.
 */
class KnownOrderTest {

    @Nested
    class WhenAPaymentCompletes {

        @Test
        void a_payment_completed_for_a_pending_unpaid_order_is_kept() {
            assertThat(pendingOrder().refundDueWhenCompletedBy(PAYMENT)).isEmpty();
            assertThat(order(OrderStatus.PENDING, PAYMENT).refundDueWhenCompletedBy(PAYMENT)).isEmpty();
        }

        @Test
        void a_payment_completed_after_the_order_expired_is_due_back() {
            assertThat(order(OrderStatus.EXPIRED, null).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_EXPIRED);
        }

        @Test
        void a_second_completed_payment_of_the_order_is_due_back() {
            assertThat(order(OrderStatus.PENDING, OTHER_PAYMENT).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_ALREADY_PAID);
        }

        @Test
        void a_payment_completed_for_an_order_confirmed_without_it_is_due_back() {
            assertThat(order(OrderStatus.CONFIRMED, null).refundDueWhenCompletedBy(PAYMENT))
                    .contains(RefundReason.ORDER_ALREADY_PAID);
        }
    }

    @Nested
    class WhenTheOrderExpires {

        @Test
        void the_payment_that_had_completed_for_it_is_due_back() {
            assertThat(order(OrderStatus.EXPIRED, PAYMENT).refundDueWhenExpired())
                    .contains(PAYMENT);
        }

        @Test
        void an_order_nobody_paid_owes_nothing() {
            assertThat(order(OrderStatus.EXPIRED, null).refundDueWhenExpired()).isEmpty();
        }
    }
}
