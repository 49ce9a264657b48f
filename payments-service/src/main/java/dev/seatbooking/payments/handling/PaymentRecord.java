package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.contracts.payments.RefundReason;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as its events left it (a row of {@code payments}), with the description and items shown to the payer
 * and, when the money must be paid back, why.
 *
 * @param version      the payment stream's version: the consistency token of the last change
 * @param refundReason null unless a refund is due
 */
public record PaymentRecord(UUID paymentId, UUID orderId, UUID conferenceId, String description, Money amount,
                            List<PaymentItem> items, PaymentStatus status, int version, RefundReason refundReason,
                            UUID correlationId, Instant initiatedAt, Instant updatedAt) {

    public PaymentRecord {
        items = List.copyOf(items);
    }

    public boolean refundDue() {
        return refundReason != null;
    }
}
