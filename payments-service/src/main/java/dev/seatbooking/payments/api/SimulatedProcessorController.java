package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.handling.PaymentCommandHandler.Handled;
import dev.seatbooking.payments.domain.PaymentRefused;
import dev.seatbooking.payments.processor.PayerLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The simulated processor's answers as JSON, the twin of its page {@code /payment-processor/{paymentId}}: the payer
 * accepts (CompleteThirdPartyProcessorPayment) or rejects (CancelThirdPartyProcessorPayment). With a real gateway
 * these would be its webhook instead. As on the page, only the holder of the payer's link may answer: the link's
 * secret comes in the {@value #SECRET} header (not in the URL, which proxies log); without it, or with another, the
 * payment is not found.
 */
@Tag(name = "Simulated payment processor", description = "The payer's answer at the (simulated) third-party processor")
@RestController
@RequestMapping("/api/payment-processor/{paymentId}")
public class SimulatedProcessorController {

    static final String SECRET = "Processor-Secret";

    private final PaymentCommandHandler handler;
    private final PaymentViews payments;
    private final PayerLinks links;

    public SimulatedProcessorController(PaymentCommandHandler handler, PaymentViews payments, PayerLinks links) {
        this.handler = handler;
        this.payments = payments;
        this.links = links;
    }

    @Operation(summary = "The payer accepts: the payment completes (CompleteThirdPartyProcessorPayment)",
            description = "Repeating it is harmless. A payment completed for an order that expired or was paid meanwhile is kept and marked refundDue.")
    @ApiResponse(responseCode = "202", description = "Completed (or already was)")
    @ApiResponse(responseCode = "404", description = "not-found: no such payment, or not with this secret")
    @ApiResponse(responseCode = "409", description = "payment-already-rejected")
    @PostMapping("/accept")
    public ResponseEntity<PaymentView> accept(@PathVariable UUID paymentId,
                                              @Parameter(description = "The secret of the payer's link (its `secret` parameter)", required = true)
                                              @RequestHeader(name = SECRET, required = false) String secret) {
        requireLink(paymentId, secret);
        Handled handled = handler.complete(paymentId);
        return PaymentsController.accepted(handled, payments.of(handled.payment()));
    }

    @Operation(summary = "The payer rejects: the payment is cancelled (CancelThirdPartyProcessorPayment)",
            description = "Repeating it is harmless.")
    @ApiResponse(responseCode = "202", description = "Rejected (or already was)")
    @ApiResponse(responseCode = "404", description = "not-found: no such payment, or not with this secret")
    @ApiResponse(responseCode = "409", description = "payment-already-completed")
    @PostMapping("/reject")
    public ResponseEntity<PaymentView> reject(@PathVariable UUID paymentId,
                                              @Parameter(description = "The secret of the payer's link (its `secret` parameter)", required = true)
                                              @RequestHeader(name = SECRET, required = false) String secret) {
        requireLink(paymentId, secret);
        Handled handled = handler.cancel(paymentId);
        return PaymentsController.accepted(handled, payments.of(handled.payment()));
    }

    private void requireLink(UUID paymentId, String secret) {
        if (!links.opens(paymentId, secret)) throw PaymentRefused.unknownPayment(paymentId);
    }
}
