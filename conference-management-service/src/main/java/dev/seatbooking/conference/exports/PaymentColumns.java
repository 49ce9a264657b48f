package dev.seatbooking.conference.exports;

import dev.seatbooking.conference.dashboard.Dashboard.RefundStanding;
import dev.seatbooking.conference.refunds.PaymentQueries.Payment;
import dev.seatbooking.conference.refunds.RefundQueries.Refund;
import dev.seatbooking.conference.refunds.RefundQueries.State;
import dev.seatbooking.contracts.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The orders export's payments and refunds columns (issue 17), from what this service keeps of payments' events: per
 * order the amount paid (its completed payments added up: an order paid twice shows both), the payments' ids, the
 * amount refunded (completed refunds) and each refund's standing with its amount, oldest first. Empty where there
 * is none. A refund is the order's as RefundRequested says, or else as its payment says.
 */
final class PaymentColumns {

    static final List<String> HEADER = List.of("Paid", "Payment ids", "Refunded", "Refunds");

    private final Map<UUID, List<Payment>> payments = new HashMap<>();
    private final Map<UUID, List<Refund>> refunds = new HashMap<>();

    /** @param refunds newest first, as RefundQueries lists them */
    PaymentColumns(List<Payment> payments, List<Refund> refunds) {
        Map<UUID, UUID> orderOfPayment = new HashMap<>();
        for (Payment p : payments) {
            this.payments.computeIfAbsent(p.orderId(), id -> new ArrayList<>()).add(p);
            orderOfPayment.put(p.paymentId(), p.orderId());
        }
        for (Refund r : refunds.reversed()) {
            UUID order = r.orderId() != null ? r.orderId() : orderOfPayment.get(r.paymentId());
            if (order != null) this.refunds.computeIfAbsent(order, id -> new ArrayList<>()).add(r);
        }
    }

    /** The four cells of the order's line. */
    List<String> of(UUID orderId) {
        List<Payment> paid = payments.getOrDefault(orderId, List.of());
        List<Refund> refunded = refunds.getOrDefault(orderId, List.of());
        return Arrays.asList(sum(paid.stream().map(Payment::amount).toList()),
                paid.stream().map(p -> p.paymentId().toString()).collect(Collectors.joining("; ")),
                refunded(refunded),
                refunded.stream().map(r -> RefundStanding.of(r.state().name(), r.willRetry()) + " "
                        + r.amount().amount().toPlainString()).collect(Collectors.joining("; ")));
    }

    /** What the completed refunds gave back; 0 while the order's refunds are under way; empty without any. */
    private static String refunded(List<Refund> refunds) {
        if (refunds.isEmpty()) return null;
        String zero = Money.zero(refunds.getFirst().amount().currency()).amount().toPlainString();
        String completed = sum(refunds.stream().filter(r -> r.state() == State.COMPLETED).map(Refund::amount).toList());
        return completed == null ? zero : completed;
    }

    /** The amounts added up (an order's are in its conference's one currency); null without any. */
    private static String sum(List<Money> amounts) {
        return amounts.stream().reduce(Money::plus).map(total -> total.amount().toPlainString()).orElse(null);
    }
}
