package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.handling.RefundRecords;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/**
 * Payments as the API shows them. The processor's link for the payer carries a secret that is kept only hashed, so it
 * is in the answer that started the payment and nowhere else.
 */
@Component
class PaymentViews {

    private final RefundRecords refunds;

    PaymentViews(RefundRecords refunds) {
        this.refunds = refunds;
    }

    PaymentView of(PaymentRecord payment) {
        return of(payment, null);
    }

    /** @param payerUrl the processor's link for the payer, as it answered when the payment was handed to it */
    PaymentView of(PaymentRecord payment, URI payerUrl) {
        // Only a payment due back can have a refund: the others cost no query.
        RefundView refund = payment.refundDue()
                ? refunds.ofPayment(payment.paymentId()).map(RefundView::of).orElse(null) : null;
        return PaymentView.of(payment, refund, payerUrl == null ? null : absolute(payerUrl));
    }

    private static URI absolute(URI uri) {
        return uri.isAbsolute() ? uri
                : ServletUriComponentsBuilder.fromCurrentContextPath().path(uri.getRawPath()).query(uri.getRawQuery())
                .build(true).toUri();
    }
}
