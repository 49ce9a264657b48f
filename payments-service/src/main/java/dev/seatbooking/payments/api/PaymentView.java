package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.contracts.payments.RefundReason;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the API shows it.
 *
 * @param refundDue    true when the payment completed for an order that could not take it (expired, or paid by
 *                     another payment): the money is due back
 * @param refundReason {@code ORDER_EXPIRED}, {@code ORDER_ALREADY_PAID} or {@code ORDER_CANCELLED} when a refund is due
 * @param refund       the refund of the payment once it was requested (where paying the money back stands), else null
 * @param payerUrl     only in the answer that started the payment (or a repeat of that request), while initiated:
 *                     where the payer approves or declines it at the processor; the link carries a secret that
 *                     only its holder has (it is kept hashed), so no other answer shows it
 * @param version      the payment stream's version (the consistency token is {@code <paymentId>.<version>})
 */
@Schema(name = "Payment")
public record PaymentView(UUID paymentId, UUID orderId, UUID conferenceId, String description, AmountJson amount,
                          List<PaymentItemJson> items, PaymentStatus status, boolean refundDue,
                          RefundReason refundReason, RefundView refund, URI payerUrl, int version,
                          Instant initiatedAt, Instant updatedAt) {

    static PaymentView of(PaymentRecord p, RefundView refund, URI payerUrl) {
        return new PaymentView(p.paymentId(), p.orderId(), p.conferenceId(), p.description(), AmountJson.of(p.amount()),
                p.items().stream().map(PaymentItemJson::of).toList(), p.status(), p.refundDue(), p.refundReason(),
                refund, p.status() == PaymentStatus.INITIATED ? payerUrl : null, p.version(), p.initiatedAt(),
                p.updatedAt());
    }
}
