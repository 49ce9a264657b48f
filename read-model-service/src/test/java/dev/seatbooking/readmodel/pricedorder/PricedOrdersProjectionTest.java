package dev.seatbooking.readmodel.pricedorder;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved.Reason;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.EXPIRES;
import static dev.seatbooking.readmodel.support.Samples.codeApplied;
import static dev.seatbooking.readmodel.support.Samples.discount;
import static dev.seatbooking.readmodel.support.Samples.discountedTotals;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PricedOrdersProjectionTest extends ProjectionTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID GENERAL = UUID.randomUUID();
    static final UUID WORKSHOP = UUID.randomUUID();

    @Autowired
    PricedOrdersProjection projection;
    @Autowired
    PricedOrderQueries queries;

    ProjectionHarness harness;
    Stream order;
    UUID id;

    @BeforeEach
    void setUp() {
        harness = harness(projection);
        order = Stream.random();
        id = order.id();
    }

    PricedOrder priced() {
        return queries.find(harness.tables(), id).orElseThrow();
    }

    @Test
    void an_order_is_shown_once_priced_with_its_lines_and_total() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 2), seats(WORKSHOP, 1))));
        assertThat(queries.find(harness.tables(), id)).as("not priced yet").isEmpty();

        harness.feed(order.next(totals(id, "150.50", seats(GENERAL, 2), seats(WORKSHOP, 1))));

        PricedOrder priced = priced();
        assertThat(priced.lines()).extracting(l -> l.seatTypeId(), l -> l.quantity(), l -> l.unitPrice().amount(),
                        l -> l.lineTotal().amount())
                .containsExactly(tuple(GENERAL, 2, new BigDecimal("150.50"), new BigDecimal("301.00")),
                        tuple(WORKSHOP, 1, new BigDecimal("150.50"), new BigDecimal("150.50")));
        assertThat(priced.total()).isEqualTo(new PricedOrder.Amount(new BigDecimal("451.50"), "EUR"));
        assertThat(priced.isFreeOfCharge()).isFalse();
        assertThat(priced.status()).isEqualTo(PricedOrder.Status.OPEN);
        assertThat(priced.reservationExpiration()).isEqualTo(EXPIRES);
        assertThat(priced.version()).isEqualTo(2);
        assertThat(priced.subtotal()).as("without codes, the total").isEqualTo(priced.total());
        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.promotionalCodes()).isEmpty();
    }

    @Test
    void a_code_shows_its_discount_lines_the_subtotal_and_the_total_after_discounts() {
        UUID partner = UUID.randomUUID();
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 2), seats(WORKSHOP, 1))),
                order.next(codeApplied(id, partner, "partner", 10)),
                order.next(discountedTotals(id, "100", List.of(discount(partner, "PARTNER", GENERAL, "20"),
                        discount(partner, "PARTNER", WORKSHOP, "10")), seats(GENERAL, 2), seats(WORKSHOP, 1))));

        PricedOrder priced = priced();
        assertThat(priced.promotionalCodes()).containsExactly(new PricedOrder.AppliedCode(partner, "PARTNER"));
        assertThat(priced.discounts()).extracting(PricedOrder.Discount::code, PricedOrder.Discount::seatTypeId,
                        d -> d.amount().amount())
                .containsExactly(tuple("PARTNER", GENERAL, new BigDecimal("20.00")),
                        tuple("PARTNER", WORKSHOP, new BigDecimal("10.00")));
        assertThat(priced.subtotal()).isEqualTo(new PricedOrder.Amount(new BigDecimal("300.00"), "EUR"));
        assertThat(priced.total()).isEqualTo(new PricedOrder.Amount(new BigDecimal("270.00"), "EUR"));
        assertThat(priced.version()).isEqualTo(3);
    }

    @Test
    void codes_are_listed_as_applied_and_a_removed_code_goes_with_its_discounts() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))),
                order.next(codeApplied(id, first, "FIRST", 10)),
                order.next(discountedTotals(id, "100", List.of(discount(first, "FIRST", GENERAL, "10")), seats(GENERAL, 1))),
                order.next(codeApplied(id, second, "SECOND", 50)),
                order.next(discountedTotals(id, "100", List.of(discount(first, "FIRST", GENERAL, "10"),
                        discount(second, "SECOND", GENERAL, "45")), seats(GENERAL, 1))));
        assertThat(priced().promotionalCodes()).extracting(PricedOrder.AppliedCode::code).containsExactly("FIRST", "SECOND");

        harness.feed(order.next(new PromotionalCodeRemoved(id, first, "FIRST", Reason.REMOVED_BY_REGISTRANT)));
        assertThat(priced().promotionalCodes()).extracting(PricedOrder.AppliedCode::code).containsExactly("SECOND");
        assertThat(priced().version()).as("the removal moves the version").isEqualTo(6);

        harness.feed(order.next(discountedTotals(id, "100", List.of(discount(second, "SECOND", GENERAL, "50")), seats(GENERAL, 1))),
                order.next(codeApplied(id, first, "FIRST", 10)),
                order.next(discountedTotals(id, "100", List.of(discount(second, "SECOND", GENERAL, "50"),
                        discount(first, "FIRST", GENERAL, "5")), seats(GENERAL, 1))));

        PricedOrder priced = priced();
        assertThat(priced.promotionalCodes()).as("applied again, it comes last")
                .extracting(PricedOrder.AppliedCode::code).containsExactly("SECOND", "FIRST");
        assertThat(priced.discounts()).extracting(PricedOrder.Discount::code).containsExactly("SECOND", "FIRST");
        assertThat(priced.total().amount()).isEqualByComparingTo("45");
        assertThat(priced.subtotal().amount()).isEqualByComparingTo("100");
    }

    @Test
    void a_hundred_percent_code_makes_the_order_free_of_charge_and_its_removal_undoes_it() {
        UUID speaker = UUID.randomUUID();
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))),
                order.next(codeApplied(id, speaker, "SPEAKER", 100)),
                order.next(discountedTotals(id, "250", List.of(discount(speaker, "SPEAKER", GENERAL, "250")), seats(GENERAL, 1))));
        assertThat(priced().isFreeOfCharge()).isTrue();
        assertThat(priced().total().amount()).isEqualByComparingTo("0");

        harness.feed(order.next(new PromotionalCodeRemoved(id, speaker, "SPEAKER", Reason.NO_LINE_IN_SCOPE)),
                order.next(totals(id, "250", seats(GENERAL, 1))));

        PricedOrder priced = priced();
        assertThat(priced.isFreeOfCharge()).isFalse();
        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.promotionalCodes()).isEmpty();
        assertThat(priced.total()).isEqualTo(priced.subtotal());
    }

    @Test
    void repricing_replaces_the_lines_and_a_free_order_says_so() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 2))),
                order.next(totals(id, "10", seats(GENERAL, 2))));
        harness.feed(order.next(totals(id, "0", seats(WORKSHOP, 3))),
                order.next(new OrderReservationCompleted(id, EXPIRES.plusSeconds(90), List.of(seats(WORKSHOP, 3)))));

        PricedOrder priced = priced();
        assertThat(priced.lines()).extracting(PricedOrder.Line::seatTypeId).containsExactly(WORKSHOP);
        assertThat(priced.total().amount()).isEqualByComparingTo("0");
        assertThat(priced.isFreeOfCharge()).isTrue();
        assertThat(priced.reservationExpiration()).isEqualTo(EXPIRES.plusSeconds(90));
    }

    @Test
    void confirmed_and_expired_orders() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))), order.next(totals(id, "5", seats(GENERAL, 1))),
                order.next(new OrderConfirmed(id, false)));
        assertThat(priced().status()).isEqualTo(PricedOrder.Status.CONFIRMED);

        Stream other = Stream.random();
        harness.feed(other.next(orderPlaced(other.id(), CONFERENCE, seats(GENERAL, 1))),
                other.next(totals(other.id(), "5", seats(GENERAL, 1))), other.next(new OrderExpired(other.id())));
        assertThat(queries.find(harness.tables(), other.id())).get().extracting(PricedOrder::status)
                .isEqualTo(PricedOrder.Status.EXPIRED);
    }

    @Test
    void a_cancelled_order_shows_cancelled() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))), order.next(totals(id, "5", seats(GENERAL, 1))),
                order.next(new OrderConfirmed(id, false)),
                order.next(new OrderCancelled(id, CONFERENCE, OrderCancelled.CancelledBy.OWNER, java.time.Instant.now())));

        assertThat(priced().status()).isEqualTo(PricedOrder.Status.CANCELLED);
    }

    @Test
    void unversioned_payment_events_are_idempotent_and_a_finished_payment_stays_finished() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))), order.next(totals(id, "5", seats(GENERAL, 1))));
        Stream rejected = Stream.random();
        Stream completed = Stream.random();
        Money five = Money.of("5", "EUR");
        Envelope initiated1 = rejected.unversioned(new PaymentInitiated(rejected.id(), id, CONFERENCE, five));
        Envelope rejected1 = rejected.unversioned(new PaymentRejected(rejected.id(), id, CONFERENCE, five));
        Envelope initiated2 = completed.unversioned(new PaymentInitiated(completed.id(), id, CONFERENCE, five));
        Envelope completed2 = completed.unversioned(new PaymentCompleted(completed.id(), id, CONFERENCE, five));

        harness.feed(initiated1, rejected1, initiated1, rejected1);
        harness.feed(completed2, initiated2, completed2);

        assertThat(priced().payments()).extracting(PricedOrder.Payment::paymentId, PricedOrder.Payment::status)
                .containsExactlyInAnyOrder(tuple(rejected.id(), PricedOrder.PaymentStatus.REJECTED),
                        tuple(completed.id(), PricedOrder.PaymentStatus.COMPLETED));
    }

    @Test
    void versioned_payment_events_are_deduplicated_by_version() {
        harness.feed(order.next(orderPlaced(id, CONFERENCE, seats(GENERAL, 1))), order.next(totals(id, "5", seats(GENERAL, 1))));
        Stream payment = Stream.random();
        Money five = Money.of("5", "EUR");
        Envelope initiated = payment.next(new PaymentInitiated(payment.id(), id, CONFERENCE, five));
        Envelope done = payment.next(new PaymentCompleted(payment.id(), id, CONFERENCE, five));

        var outcome = harness.feed(initiated, done, initiated, done);

        assertThat(outcome.duplicates()).isEqualTo(2);
        assertThat(priced().payments()).singleElement().extracting(PricedOrder.Payment::status)
                .isEqualTo(PricedOrder.PaymentStatus.COMPLETED);
    }
}
