package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.processor.PaymentProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** Payments as the API shows them, with the processor's page for the payer as an absolute URL. */
@Component
class PaymentViews {

    private final PaymentProcessor processor;

    PaymentViews(PaymentProcessor processor) {
        this.processor = processor;
    }

    PaymentView of(PaymentRecord payment) {
        return PaymentView.of(payment, processor.payerUrl(payment.paymentId()).map(PaymentViews::absolute).orElse(null));
    }

    private static URI absolute(URI uri) {
        return uri.isAbsolute() ? uri
                : ServletUriComponentsBuilder.fromCurrentContextPath().path(uri.getPath()).build().toUri();
    }
}
