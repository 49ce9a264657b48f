package dev.seatbooking.payments.orders;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.payments.domain.OrderStatus;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order_totals} follows registration's events: the latest total and status win, and an event that arrives
 * again or late (an older version) does not undo a newer one.
 */
class OrderTotalsProjectionTest extends PaymentsServiceTest {

    @Test
    void an_order_is_known_with_its_conference_and_total_once_placed_and_priced() {
        TestOrder order = givenOrder("120.00");

        OrderTotals known = knownOrders.find(order.orderId(), KnownOrders.Lock.NONE).orElseThrow();
        assertThat(known.conferenceId()).isEqualTo(order.conferenceId());
        assertThat(known.total()).isEqualTo(eur("120.00"));
        assertThat(known.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(known.version()).isEqualTo(2);
    }

    @Test
    void the_access_code_is_kept_only_as_its_sha256_and_opens_only_its_order() {
        TestOrder order = givenOrder("120.00");
        TestOrder other = givenOrder("120.00");

        byte[] kept = jdbc.queryForObject("SELECT access_code_sha256 FROM order_totals WHERE order_id = ?",
                byte[].class, order.orderId());
        assertThat(kept).isEqualTo(AccessCodeHash.of(order.accessCode()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM order_totals WHERE order_id = ? AND "
                + "(access_code_sha256::text LIKE '%' || ? || '%' OR row(order_totals.*)::text LIKE '%' || ? || '%')",
                Integer.class, order.orderId(), order.accessCode(), order.accessCode())).isZero();

        assertThat(knownOrders.accessGranted(order.orderId(), order.accessCode())).isTrue();
        assertThat(knownOrders.accessGranted(order.orderId(), other.accessCode())).isFalse();
        assertThat(knownOrders.accessGranted(order.orderId(), order.accessCode().toLowerCase())).isFalse();
        assertThat(knownOrders.accessGranted(order.orderId(), "")).isFalse();
        assertThat(knownOrders.accessGranted(order.orderId(), null)).isFalse();
        assertThat(knownOrders.accessGranted(UUID.randomUUID(), order.accessCode())).isFalse();
    }

    @Test
    void a_recalculated_total_replaces_the_earlier_one_and_a_late_older_one_does_not_come_back() {
        TestOrder order = givenOrder("120.00");
        order.totals(eur("60.00"), false); // version 3
        awaitApplied(order);

        Envelope late = order.publishAt(new OrderTotalsCalculated(order.orderId(), eur("120.00"), List.of(), false), 2);
        awaitProcessed(late.messageId());

        OrderTotals known = knownOrders.find(order.orderId(), KnownOrders.Lock.NONE).orElseThrow();
        assertThat(known.total()).isEqualTo(eur("60.00"));
        assertThat(known.version()).isEqualTo(3);
    }

    @Test
    void an_expired_order_stays_expired_when_an_older_total_arrives_again() {
        TestOrder order = givenOrder("120.00");
        order.expire();
        awaitApplied(order);

        Envelope repeated = order.publishAt(new OrderTotalsCalculated(order.orderId(), eur("99.00"), List.of(), false), 2);
        awaitProcessed(repeated.messageId());

        OrderTotals known = knownOrders.find(order.orderId(), KnownOrders.Lock.NONE).orElseThrow();
        assertThat(known.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(known.total()).isEqualTo(eur("120.00"));
    }

    @Test
    void events_payments_does_not_act_on_are_skipped_without_an_inbox_entry() {
        TestOrder order = givenOrder("120.00");
        Envelope assigned = order.publish(new OrderRegistrantAssigned(order.orderId(), "Ada", "Lovelace", "ada@example.org"));
        Envelope marker = order.expire();
        awaitProcessed(marker.messageId());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = 'payments' AND message_id = ?",
                Integer.class, assigned.messageId())).isZero();
    }

    @Test
    void a_redelivered_event_is_handled_once() {
        TestOrder order = givenOrder("120.00");
        Envelope expired = order.expire();
        awaitProcessed(expired.messageId());

        // The same record again, as Kafka redelivers it after a crash before the offset commit; then a later
        // event of the order that payments handles, on the same partition, to know the redelivery has been consumed.
        TestOrder.resend(expired);
        Envelope marker = order.totals(eur("120.00"), false);
        awaitProcessed(marker.messageId());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = 'payments' AND message_id = ?",
                Integer.class, expired.messageId())).isEqualTo(1);
        assertThat(knownOrders.find(order.orderId(), KnownOrders.Lock.NONE).orElseThrow().status())
                .isEqualTo(OrderStatus.EXPIRED);
    }
}
