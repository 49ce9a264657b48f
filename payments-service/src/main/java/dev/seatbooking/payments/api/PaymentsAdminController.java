package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecords;
import dev.seatbooking.payments.handling.RefundRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * What operators need and registrants must not see: lists across orders (each payment names its order, and an order
 * id must not lead to someone else's order). Under {@code /api/admin/}, which the shared security configuration
 * reserves to the ops credential and the public gateway does not route.
 */
@Tag(name = "Operations", description = "For operators only (ops credential)")
@RestController
@RequestMapping("/api/admin")
public class PaymentsAdminController {

    private final PaymentRecords records;
    private final PaymentViews views;
    private final RefundRecords refunds;

    PaymentsAdminController(PaymentRecords records, PaymentViews views, RefundRecords refunds) {
        this.records = records;
        this.views = views;
        this.refunds = refunds;
    }

    @Operation(summary = "Payments, newest first: all, of one order, or those whose money is due back")
    @GetMapping("/payments")
    public List<PaymentView> payments(@RequestParam(required = false) UUID orderId,
                                      @RequestParam(defaultValue = "false") boolean refundDue,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return records.list(orderId, refundDue, limit).stream().map(views::of).toList();
    }

    @Operation(summary = "Refunds, newest first: all, or one conference's; with their attempts and last error")
    @GetMapping("/refunds")
    public List<RefundOperationsView> refunds(@RequestParam(required = false) UUID conferenceId,
                                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return refunds.list(conferenceId, limit).stream().map(RefundOperationsView::of).toList();
    }
}
