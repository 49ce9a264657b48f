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
import dev.seatbooking.web.throttle.GuessThrottle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registrant's order pages, each behind the order's access code ({@link OrderAccess}). Private and always
 * revalidated ({@code no-cache}): they change as the order goes on, and the ETag makes revalidation cheap; a
 * revalidation needs the code too, so a 304 never confirms that an order exists.
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
    private final OrderAccess orderAccess;
    private final GuessThrottle<String> throttle;

    public OrderController(DraftOrdersProjection draftOrders, PricedOrdersProjection pricedOrders,
                           OrderSeatsProjection orderSeats, DraftOrderQueries draftOrderQueries,
                           PricedOrderQueries pricedOrderQueries, OrderSeatsQueries orderSeatsQueries,
                           ServingGenerations serving, OrderAccess orderAccess,
                           GuessThrottle<String> throttle) {
        this.draftOrders = draftOrders;
        this.pricedOrders = pricedOrders;
        this.orderSeats = orderSeats;
        this.draftOrderQueries = draftOrderQueries;
        this.pricedOrderQueries = pricedOrderQueries;
        this.orderSeatsQueries = orderSeatsQueries;
        this.serving = serving;
        this.orderAccess = orderAccess;
        this.throttle = throttle;
    }

    @Operation(summary = "An order being placed: state, requested and reserved seats, expiration, registrant",
            description = "Needs the order's access code. A consistency token names the order stream (as "
                    + "RegisterToConference answered it). Unknown order, missing or wrong code: the same 404.")
    @GetMapping("/api/draft-orders/{orderId}")
    public ResponseEntity<DraftOrder> draftOrder(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = OrderAccess.HEADER, required = true)
            @RequestHeader(name = OrderAccess.HEADER, required = false) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam,
            HttpServletRequest request) {
        OrderAccess.Granted<DraftOrder> access = orderAccess.open(draftOrders, orderId, accessCode, request.getRemoteAddr(),
                tokenHeader, tokenParam, tables -> draftOrderQueries.find(tables, orderId));
        DraftOrder order = access.view().orElseThrow(() -> access.absent("order", orderId));
        return Answers.ok(order, access.tables(), "v" + order.version(), REVALIDATE, access.consistency(),
                OrderAccess.HEADER);
    }

    @Operation(summary = "Find an order again with the registrant's email and the order's access code",
            description = "In the body, so that no URL holds the code. No match: 404, whatever did not match.")
    @PostMapping("/api/draft-orders/lookup")
    public ResponseEntity<DraftOrder> draftOrderByAccessCode(@Valid @RequestBody OrderLookup lookup,
                                                             HttpServletRequest request) {
        String email = lookup.email().strip();
        // Counted per client and per email: a lookup that finds nothing is a failed check, one that throws (the
        // projection not ready, the database away ...) is none.
        AtomicReference<ResponseEntity<DraftOrder>> answer = new AtomicReference<>();
        boolean found = throttle.check("email:" + email.toLowerCase(Locale.ROOT), request.getRemoteAddr(), () -> {
            Tables tables = serving.tables(draftOrders);
            draftOrderQueries.findByAccessCode(tables, email, lookup.accessCode())
                    .flatMap(orderId -> draftOrderQueries.find(tables, orderId))
                    .ifPresent(order -> answer.set(Answers.ok(order, tables, "v" + order.version(),
                            CacheControl.noStore(), Consistency.NONE, OrderAccess.HEADER)));
            return answer.get() != null;
        });
        if (!found) throw NoSuchOrderException.byEmail();
        return answer.get();
    }

    @Operation(summary = "What the order costs: priced lines, total, free of charge, expiration, payments",
            description = "Needs the order's access code. Absent (404) until the order has been priced. A "
                    + "consistency token names the order stream.")
    @GetMapping("/api/priced-orders/{orderId}")
    public ResponseEntity<PricedOrder> pricedOrder(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = OrderAccess.HEADER, required = true)
            @RequestHeader(name = OrderAccess.HEADER, required = false) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam,
            HttpServletRequest request) {
        OrderAccess.Granted<PricedOrder> access = orderAccess.open(pricedOrders, orderId, accessCode, request.getRemoteAddr(),
                tokenHeader, tokenParam, tables -> pricedOrderQueries.find(tables, orderId));
        PricedOrder order = access.view().orElseThrow(() -> access.absent("priced order", orderId));
        String payments = Answers.fingerprint(order.payments(), p -> p.paymentId() + ":" + p.status());
        return Answers.ok(order, access.tables(), "v" + order.version() + "-p" + payments, REVALIDATE,
                access.consistency(), OrderAccess.HEADER);
    }

    @Operation(summary = "The seats of a confirmed order and their attendees",
            description = "Needs the order's access code. A consistency token names the order's seat assignments "
                    + "stream (as AssignSeat answered it).")
    @GetMapping("/api/order-seats/{orderId}")
    public ResponseEntity<OrderSeats> orderSeats(
            @PathVariable UUID orderId,
            @Parameter(in = ParameterIn.HEADER, name = OrderAccess.HEADER, required = true)
            @RequestHeader(name = OrderAccess.HEADER, required = false) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam,
            HttpServletRequest request) {
        OrderAccess.Granted<OrderSeats> access = orderAccess.open(orderSeats, orderId, accessCode, request.getRemoteAddr(),
                tokenHeader, tokenParam, tables -> orderSeatsQueries.findByOrder(tables, orderId));
        OrderSeats seats = access.view().orElseThrow(() -> access.absent("seats of order", orderId));
        access.requireTokenNames(seats.seatAssignmentsId());
        String names = Answers.fingerprint(seats.seats(), s -> s.position() + ":" + s.seatTypeName());
        return Answers.ok(seats, access.tables(), "v" + seats.version() + "-n" + names, REVALIDATE,
                access.consistency(), OrderAccess.HEADER);
    }
}
