package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentCommand.InitiateThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import dev.seatbooking.payments.domain.PaymentRefused.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The payment's life cycle: given past events, when a decision, then new events or a named refusal. */
class ThirdPartyProcessorPaymentTest {

    static final UUID PAYMENT = UUID.randomUUID();
    static final UUID ORDER = UUID.randomUUID();
    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID OTHER_PAYMENT = UUID.randomUUID();
    static final Money TOTAL = eur("120.00");

    final AggregateFixture<ThirdPartyProcessorPayment, PaymentEvent> fixture =
            AggregateFixture.of(ThirdPartyProcessorPayment::new, PAYMENT);

    @Nested
    class Initiating {

        @Test
        void a_payment_of_exactly_the_orders_total_is_initiated() {
            fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL), known(pendingOrder())))
                    .then(initiated(TOTAL))
                    .state(p -> assertThat(p.status()).isEqualTo(PaymentStatus.INITIATED));
        }

        @Test
        void items_that_add_up_to_the_amount_are_accepted() {
            fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL, item("Full pass", "100.00"), item("Workshop", "20.00")),
                            known(pendingOrder())))
                    .then(initiated(TOTAL));
        }

        @Test
        void the_same_command_again_changes_nothing() {
            fixture.given(initiated(TOTAL))
                    .when(p -> p.initiate(initiate(TOTAL), known(pendingOrder())))
                    .thenNothing();
        }

        @Test
        void the_same_command_again_changes_nothing_even_once_the_order_is_paid_by_it() {
            fixture.given(initiated(TOTAL), completed(TOTAL))
                    .when(p -> p.initiate(initiate(TOTAL), known(order(OrderStatus.CONFIRMED, PAYMENT))))
                    .thenNothing();
        }

        @Test
        void the_same_payment_id_with_another_amount_is_refused() {
            refused(fixture.given(initiated(TOTAL))
                    .when(p -> p.initiate(initiate(eur("99.00")), known(pendingOrder()))), Reason.PAYMENT_ID_CONFLICT);
        }

        @Test
        void an_order_registration_has_not_announced_is_refused() {
            refused(fixture.givenNothing().when(p -> p.initiate(initiate(TOTAL), Optional.empty())),
                    Reason.UNKNOWN_ORDER);
        }

        @Test
        void an_amount_other_than_the_total_is_refused() {
            PaymentRefused refusal = refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(eur("100.00")), known(pendingOrder()))), Reason.AMOUNT_MISMATCH);
            assertThat(refusal.details()).containsEntry("orderTotal", TOTAL).containsEntry("amount", eur("100.00"));
        }

        @Test
        void the_total_in_another_currency_is_refused() {
            refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(Money.of("120.00", "USD")), known(pendingOrder()))),
                    Reason.AMOUNT_MISMATCH);
        }

        @Test
        void items_that_do_not_add_up_are_refused() {
            refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL, item("Full pass", "100.00")), known(pendingOrder()))),
                    Reason.ITEMS_MISMATCH);
        }

        @Test
        void another_conference_than_the_orders_is_refused() {
            refused(fixture.givenNothing().when(p -> p.initiate(
                            new InitiateThirdPartyProcessorPayment(PAYMENT, ORDER, UUID.randomUUID(), "Order", TOTAL,
                                    List.of()), known(pendingOrder()))),
                    Reason.CONFERENCE_MISMATCH);
        }

        @Test
        void an_expired_order_is_refused() {
            refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL), known(order(OrderStatus.EXPIRED, null)))),
                    Reason.ORDER_EXPIRED);
        }

        @Test
        void an_order_confirmed_with_another_payment_is_refused_naming_that_payment() {
            PaymentRefused refusal = refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL), known(order(OrderStatus.CONFIRMED, OTHER_PAYMENT)))),
                    Reason.ORDER_ALREADY_PAID);
            assertThat(refusal.details()).containsEntry("paidBy", OTHER_PAYMENT);
        }

        @Test
        void a_confirmed_order_is_refused() {
            refused(fixture.givenNothing()
                    .when(p -> p.initiate(initiate(TOTAL), known(order(OrderStatus.CONFIRMED, null)))),
                    Reason.ORDER_ALREADY_PAID);
        }

        @Test
        void a_free_order_is_refused() {
            refused(fixture.givenNothing().when(p -> p.initiate(initiate(eur("0.00")),
                            known(new KnownOrder(ORDER, CONFERENCE, eur("0.00"), true, OrderStatus.PENDING, null)))),
                    Reason.ORDER_FREE_OF_CHARGE);
        }
    }

    @Nested
    class Completing {

        @Test
        void an_initiated_payment_completes() {
            fixture.given(initiated(TOTAL))
                    .when(ThirdPartyProcessorPayment::complete)
                    .then(completed(TOTAL))
                    .state(p -> assertThat(p.status()).isEqualTo(PaymentStatus.COMPLETED));
        }

        @Test
        void completing_again_changes_nothing() {
            fixture.given(initiated(TOTAL), completed(TOTAL))
                    .when(ThirdPartyProcessorPayment::complete)
                    .thenNothing();
        }

        @Test
        void a_rejected_payment_cannot_complete() {
            refused(fixture.given(initiated(TOTAL), rejected(TOTAL)).when(ThirdPartyProcessorPayment::complete),
                    Reason.PAYMENT_ALREADY_REJECTED);
        }

        @Test
        void a_payment_never_initiated_cannot_complete() {
            refused(fixture.givenNothing().when(ThirdPartyProcessorPayment::complete), Reason.UNKNOWN_PAYMENT);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void an_initiated_payment_is_rejected() {
            fixture.given(initiated(TOTAL))
                    .when(ThirdPartyProcessorPayment::cancel)
                    .then(rejected(TOTAL))
                    .state(p -> assertThat(p.status()).isEqualTo(PaymentStatus.REJECTED));
        }

        @Test
        void cancelling_again_changes_nothing() {
            fixture.given(initiated(TOTAL), rejected(TOTAL))
                    .when(ThirdPartyProcessorPayment::cancel)
                    .thenNothing();
        }

        @Test
        void a_completed_payment_cannot_be_cancelled() {
            refused(fixture.given(initiated(TOTAL), completed(TOTAL)).when(ThirdPartyProcessorPayment::cancel),
                    Reason.PAYMENT_ALREADY_COMPLETED);
        }

        @Test
        void a_payment_never_initiated_cannot_be_cancelled() {
            refused(fixture.givenNothing().when(ThirdPartyProcessorPayment::cancel), Reason.UNKNOWN_PAYMENT);
        }
    }

    private static PaymentRefused refused(AggregateFixture<ThirdPartyProcessorPayment, PaymentEvent>.Then then,
                                          Reason reason) {
        PaymentRefused refusal = then.thenRejectedWith(PaymentRefused.class);
        assertThat(refusal.reason()).isEqualTo(reason);
        return refusal;
    }

    static KnownOrder pendingOrder() {
        return order(OrderStatus.PENDING, null);
    }

    static KnownOrder order(OrderStatus status, UUID confirmedBy) {
        return new KnownOrder(ORDER, CONFERENCE, TOTAL, false, status, confirmedBy);
    }

    static Optional<KnownOrder> known(KnownOrder order) {
        return Optional.of(order);
    }

    static InitiateThirdPartyProcessorPayment initiate(Money amount, PaymentItem... items) {
        return new InitiateThirdPartyProcessorPayment(PAYMENT, ORDER, CONFERENCE, "Registration", amount,
                List.of(items));
    }

    static PaymentItem item(String description, String amount) {
        return new PaymentItem(description, eur(amount));
    }

    static PaymentInitiated initiated(Money amount) {
        return new PaymentInitiated(PAYMENT, ORDER, CONFERENCE, amount);
    }

    static PaymentCompleted completed(Money amount) {
        return new PaymentCompleted(PAYMENT, ORDER, CONFERENCE, amount);
    }

    static PaymentRejected rejected(Money amount) {
        return new PaymentRejected(PAYMENT, ORDER, CONFERENCE, amount);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
