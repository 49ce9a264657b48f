package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.refunds.RefundQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The owner's view of the conference's refunds (issue 16, ADR 10 "Who sees refunds"): payments executes them, this
 * service lists them from payments' refund events. {@link OwnerOnly}, as every call under a conference.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}/refunds")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Conference administration", description = "For the conference's owner")
class RefundsController {

    private final RefundQueries refunds;

    RefundsController(RefundQueries refunds) {
        this.refunds = refunds;
    }

    @GetMapping
    @Operation(summary = "The conference's refunds, newest first: order, amount, reason, state, attempts",
            description = "As payments last reported them (its refund events), so a refund just requested may take"
                    + " a moment to appear.")
    List<RefundView> refunds(@PathVariable UUID conferenceId) {
        return refunds.refundsOf(conferenceId).stream().map(RefundView::of).toList();
    }

    record RefundView(
            UUID refundId, UUID paymentId,
            @Schema(description = "The order the payment was for; null when unknown") UUID orderId,
            @Schema(description = "The order's registrant; null when unknown") Views.RegistrantView registrant,
            Views.PriceView amount,
            @Schema(description = "ORDER_EXPIRED, ORDER_ALREADY_PAID or ORDER_CANCELLED; null until known")
            String reason,
            @Schema(description = "FAILED: the last attempt failed (willRetry says whether payments tries again)")
            RefundQueries.State state,
            boolean willRetry,
            @Schema(description = "Attempts made: the failed ones, plus the one that succeeded") int attempts,
            @Schema(description = "The last failed attempt's error; null when none failed") String lastError,
            Instant requestedAt, Instant completedAt) {

        static RefundView of(RefundQueries.Refund r) {
            return new RefundView(r.refundId(), r.paymentId(), r.orderId(),
                    Views.RegistrantView.of(r.registrant()),
                    Views.PriceView.of(r.amount()), r.reason(), r.state(), r.willRetry(), r.attempts(), r.lastError(),
                    r.requestedAt(), r.completedAt());
        }
    }
}
