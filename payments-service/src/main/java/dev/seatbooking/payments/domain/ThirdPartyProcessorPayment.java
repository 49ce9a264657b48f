package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentCommand.InitiateThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static dev.seatbooking.payments.domain.PaymentRefused.Reason.*;

/**
 * A payment of one order through a third-party processor (stream type {@value #STREAM_TYPE}, stream id = payment
 * id). Initiated for exactly the order's total; then the processor completes it (the payer accepted) or it is
 * rejected (the payer declined or cancelled). Every decision is idempotent: a command that asks for what has
 * already happened returns no events.
 */
public final class ThirdPartyProcessorPayment implements Aggregate<PaymentEvent> {

    public static final String STREAM_TYPE = "payment";

    private final UUID id;
    private PaymentStatus status;
    private UUID orderId;
    private UUID conferenceId;
    private Money amount;

    public ThirdPartyProcessorPayment(UUID id) {
        this.id = Objects.requireNonNull(id);
    }

    /**
     * Starts the payment of {@code order}. A repeat of the command that started it returns nothing; the same id
     * with other content is refused.
     *
     * @param order the order being paid, as this context knows it; empty if registration has not announced it
     * @throws PaymentRefused if the order is unknown, expired, already paid or free, or the amount is not its total
     */
    public List<PaymentEvent> initiate(InitiateThirdPartyProcessorPayment command, Optional<KnownOrder> order) {
        requireThisPayment(command.paymentId());
        if (status != null) {
            if (command.paymentSourceId().equals(orderId) && command.conferenceId().equals(conferenceId)
                    && command.totalAmount().equals(amount)) {
                return List.of();
            }
            throw new PaymentRefused(PAYMENT_ID_CONFLICT, "Payment " + id + " was already started for order "
                    + orderId + " with " + amount + "; a payment id cannot be reused for another payment",
                    Map.of("paymentId", id));
        }
        KnownOrder known = order.orElseThrow(() -> PaymentRefused.unknownOrder(command.paymentSourceId()));
        if (!known.orderId().equals(command.paymentSourceId())) {
            throw new IllegalArgumentException("Order " + known.orderId() + " given for a payment of order "
                    + command.paymentSourceId());
        }
        if (!known.conferenceId().equals(command.conferenceId())) {
            throw new PaymentRefused(CONFERENCE_MISMATCH, "Order " + known.orderId() + " belongs to conference "
                    + known.conferenceId() + ", not " + command.conferenceId(),
                    Map.of("orderId", known.orderId(), "conferenceId", known.conferenceId()));
        }
        // A pending order takes a payment even if another one completed: registration may not have applied that one
        // (it came while the order was re-reserved, or paid an old total). The payment registration confirms the
        // order with is kept, any other is refunded (KnownOrder).
        switch (known.status()) {
            case EXPIRED -> throw new PaymentRefused(ORDER_EXPIRED, "Order " + known.orderId()
                    + " has expired; its seats went back on sale", Map.of("orderId", known.orderId()));
            case CONFIRMED -> throw alreadyPaid(known);
            case CANCELLED -> throw new PaymentRefused(ORDER_ALREADY_PAID, "Order " + known.orderId()
                    + " was cancelled; it takes no more payments", Map.of("orderId", known.orderId()));
            case PENDING -> { }
        }
        if (known.freeOfCharge() || known.total().isZero()) {
            throw new PaymentRefused(ORDER_FREE_OF_CHARGE, "Order " + known.orderId()
                    + " is free of charge; it is confirmed without payment", Map.of("orderId", known.orderId()));
        }
        if (!known.total().equals(command.totalAmount())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("orderId", known.orderId());
            details.put("orderTotal", known.total());
            details.put("amount", command.totalAmount());
            throw new PaymentRefused(AMOUNT_MISMATCH, "The amount " + command.totalAmount()
                    + " is not the total of order " + known.orderId() + ", " + known.total(), details);
        }
        requireItemsAddUp(command.items(), command.totalAmount());
        return List.of(new PaymentInitiated(id, command.paymentSourceId(), command.conferenceId(),
                command.totalAmount()));
    }

    /**
     * The processor took the money.
     *
     * @throws PaymentRefused if there is no such payment, or it was rejected
     */
    public List<PaymentEvent> complete() {
        return switch (requireStarted()) {
            case INITIATED -> List.of(new PaymentCompleted(id, orderId, conferenceId, amount));
            case COMPLETED -> List.of();
            case REJECTED -> throw new PaymentRefused(PAYMENT_ALREADY_REJECTED, "Payment " + id
                    + " was rejected; it cannot complete", Map.of("paymentId", id));
        };
    }

    /**
     * The processor declined, or the payer cancelled.
     *
     * @throws PaymentRefused if there is no such payment, or it completed
     */
    public List<PaymentEvent> cancel() {
        return switch (requireStarted()) {
            case INITIATED -> List.of(new PaymentRejected(id, orderId, conferenceId, amount));
            case REJECTED -> List.of();
            case COMPLETED -> throw new PaymentRefused(PAYMENT_ALREADY_COMPLETED, "Payment " + id
                    + " has completed; it cannot be cancelled", Map.of("paymentId", id));
        };
    }

    @Override
    public void apply(PaymentEvent event) {
        switch (event) {
            case PaymentInitiated e -> {
                status = PaymentStatus.INITIATED;
                orderId = e.paymentSourceId();
                conferenceId = e.conferenceId();
                amount = e.amount();
            }
            case PaymentCompleted e -> status = PaymentStatus.COMPLETED;
            case PaymentRejected e -> status = PaymentStatus.REJECTED;
        }
    }

    public UUID id() {
        return id;
    }

    /** Null before the payment was initiated. */
    public PaymentStatus status() {
        return status;
    }

    public UUID orderId() {
        return orderId;
    }

    public Money amount() {
        return amount;
    }

    private PaymentStatus requireStarted() {
        if (status == null) {
            throw PaymentRefused.unknownPayment(id);
        }
        return status;
    }

    private void requireThisPayment(UUID paymentId) {
        if (!id.equals(paymentId)) {
            throw new IllegalArgumentException("Command for payment " + paymentId + " sent to payment " + id);
        }
    }

    private static PaymentRefused alreadyPaid(KnownOrder order) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", order.orderId());
        if (order.confirmedBy() != null) details.put("paidBy", order.confirmedBy());
        return new PaymentRefused(ORDER_ALREADY_PAID, order.confirmedBy() != null
                ? "Order " + order.orderId() + " is already paid by payment " + order.confirmedBy()
                : "Order " + order.orderId() + " is already confirmed", details);
    }

    private static void requireItemsAddUp(List<PaymentItem> items, Money total) {
        if (items.isEmpty()) return;
        Money sum = Money.zero(total.currency());
        for (PaymentItem item : items) {
            if (!item.amount().currency().equals(total.currency())) {
                throw new PaymentRefused(ITEMS_MISMATCH, "Item '" + item.description() + "' is in "
                        + item.amount().currency() + ", the payment in " + total.currency());
            }
            sum = sum.plus(item.amount());
        }
        if (!sum.equals(total)) {
            throw new PaymentRefused(ITEMS_MISMATCH, "The items add up to " + sum + ", not to the amount " + total,
                    Map.of("itemsTotal", sum, "amount", total));
        }
    }
}
