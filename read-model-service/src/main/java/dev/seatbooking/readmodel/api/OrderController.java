package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.draftorder.DraftOrder;
import dev.seatbooking.readmodel.draftorder.DraftOrderQueries;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.orderseats.OrderSeats;
import dev.seatbooking.readmodel.orderseats.OrderSeatsProjection;
import dev.seatbooking.readmodel.orderseats.OrderSeatsQueries;
import dev.seatbooking.readmodel.pricedorder.PricedOrder;
import dev.seatbooking.readmodel.pricedorder.PricedOrderQueries;
import dev.seatbooking.readmodel.pricedorder.PricedOrdersProjection;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.projection.Tables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The registrant's order pages. Private and always revalidated ({@code no-cache}): they change as the order
 * goes on, and the ETag makes revalidation cheap.
 */
@RestController
public class OrderController {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private final DraftOrdersProjection draftOrders;
    private final PricedOrdersProjection pricedOrders;
    private final OrderSeatsProjection orderSeats;
    private final DraftOrderQueries draftOrderQueries;
    private final PricedOrderQueries pricedOrderQueries;
    private final OrderSeatsQueries orderSeatsQueries;
    private final ServingGenerations serving;
    private final ReadYourWrites readYourWrites;

    public OrderController(DraftOrdersProjection draftOrders, PricedOrdersProjection pricedOrders,
                           OrderSeatsProjection orderSeats, DraftOrderQueries draftOrderQueries,
                           PricedOrderQueries pricedOrderQueries, OrderSeatsQueries orderSeatsQueries,
                           ServingGenerations serving, ReadYourWrites readYourWrites) {
        this.draftOrders = draftOrders;
        this.pricedOrders = pricedOrders;
        this.orderSeats = orderSeats;
        this.draftOrderQueries = draftOrderQueries;
        this.pricedOrderQueries = pricedOrderQueries;
        this.orderSeatsQueries = orderSeatsQueries;
        this.serving = serving;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "An order being placed: state, requested and reserved seats, expiration, registrant",
            description = "A consistency token names the order stream (as RegisterToConference answered it).")
    @GetMapping("/api/draft-orders/{orderId}")
    public ResponseEntity<DraftOrder> draftOrder(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(draftOrders, tokenHeader, tokenParam);
        Tables tables = serving.tables(draftOrders);
        DraftOrder order = draftOrderQueries.find(tables, orderId)
                .orElseThrow(() -> new ViewNotFoundException("order", orderId, consistency));
        return Answers.ok(order, tables, "v" + order.version(), REVALIDATE, consistency);
    }

    @Operation(summary = "Find an order again with the registrant's email and the order's access code")
    @GetMapping(value = "/api/draft-orders", params = {"email", "accessCode"})
    public ResponseEntity<DraftOrder> draftOrderByAccessCode(
            @RequestParam String email, @RequestParam String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(draftOrders, tokenHeader, tokenParam);
        Tables tables = serving.tables(draftOrders);
        DraftOrder order = draftOrderQueries.findByAccessCode(tables, email, accessCode)
                .orElseThrow(() -> new ViewNotFoundException("order", "with that email and access code", consistency));
        return Answers.ok(order, tables, "v" + order.version(), REVALIDATE, consistency);
    }

    @Operation(summary = "What the order costs: priced lines, total, free of charge, expiration, payments",
            description = "Absent (404) until the order has been priced. A consistency token names the order stream.")
    @GetMapping("/api/priced-orders/{orderId}")
    public ResponseEntity<PricedOrder> pricedOrder(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(pricedOrders, tokenHeader, tokenParam);
        Tables tables = serving.tables(pricedOrders);
        PricedOrder order = pricedOrderQueries.find(tables, orderId)
                .orElseThrow(() -> new ViewNotFoundException("priced order", orderId, consistency));
        String payments = Answers.fingerprint(order.payments(), p -> p.paymentId() + ":" + p.status());
        return Answers.ok(order, tables, "v" + order.version() + "-p" + payments, REVALIDATE, consistency);
    }

    @Operation(summary = "The seats of a confirmed order and their attendees",
            description = "A consistency token names the seat assignments stream (as AssignSeat answered it).")
    @GetMapping("/api/order-seats/{orderId}")
    public ResponseEntity<OrderSeats> orderSeats(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(orderSeats, tokenHeader, tokenParam);
        Tables tables = serving.tables(orderSeats);
        OrderSeats seats = orderSeatsQueries.findByOrder(tables, orderId)
                .orElseThrow(() -> new ViewNotFoundException("seats of order", orderId, consistency));
        String names = Answers.fingerprint(seats.seats(), s -> s.position() + ":" + s.seatTypeName());
        return Answers.ok(seats, tables, "v" + seats.version() + "-n" + names, REVALIDATE, consistency);
    }
}
