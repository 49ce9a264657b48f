package dev.seatbooking.payments.api;

import dev.seatbooking.payments.handling.PaymentRecords;
import dev.seatbooking.payments.orders.KnownOrders;
import dev.seatbooking.payments.orders.OrderAccessGate;
import jakarta.servlet.http.HttpServletRequest;
import dev.seatbooking.payments.orders.OrderTotals;
import dev.seatbooking.payments.domain.PaymentRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Orders", description = "What payments knows of registration's orders")
@RestController
public class KnownOrdersController {

    private final KnownOrders orders;
    private final OrderAccessGate gate;
    private final PaymentRecords records;
    private final PaymentViews payments;

    public KnownOrdersController(KnownOrders orders, OrderAccessGate gate, PaymentRecords records,
                                 PaymentViews payments) {
        this.orders = orders;
        this.gate = gate;
        this.records = records;
        this.payments = payments;
    }

    @Operation(summary = "An order's total and status as registration published them, with its payments",
            description = "For the holder of the order's access code.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "not-found: no event of it has arrived (yet), or the access code is not the order's")
    @GetMapping("/api/orders/{orderId}")
    public KnownOrderView order(@PathVariable UUID orderId,
                                @Parameter(description = "The order's access code", required = true)
                                @RequestHeader(name = PaymentsController.ACCESS_CODE, required = false) String accessCode,
                                HttpServletRequest request) {
        if (!gate.opens(orderId, accessCode, request.getRemoteAddr())) throw PaymentRefused.unknownOrder(orderId);
        OrderTotals order = orders.find(orderId, KnownOrders.Lock.NONE)
                .orElseThrow(() -> PaymentRefused.unknownOrder(orderId));
        return new KnownOrderView(order.orderId(), order.conferenceId(),
                order.total() == null ? null : AmountJson.of(order.total()), order.freeOfCharge(), order.status(),
                order.version(), records.list(orderId, false, 1000).stream().map(payments::of).toList());
    }
}
