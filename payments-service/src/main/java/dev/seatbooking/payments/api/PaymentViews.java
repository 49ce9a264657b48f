package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecord;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/**
 * Payments as the API shows them. The processor's link for the payer carries a secret that is kept only hashed, so it
 * is in the answer that started the payment and nowhere else.
 */
@Component
class PaymentViews {

    PaymentView of(PaymentRecord payment) {
        return PaymentView.of(payment, null);
    }

    /** @param payerUrl the processor's link for the payer, as it answered when the payment was handed to it */
    PaymentView of(PaymentRecord payment, URI payerUrl) {
        return PaymentView.of(payment, payerUrl == null ? null : absolute(payerUrl));
    }

    private static URI absolute(URI uri) {
        return uri.isAbsolute() ? uri
                : ServletUriComponentsBuilder.fromCurrentContextPath().path(uri.getRawPath()).query(uri.getRawQuery())
                .build(true).toUri();
    }
}
