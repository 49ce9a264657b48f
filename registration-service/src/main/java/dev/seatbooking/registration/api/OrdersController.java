package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.registration.api.ApiModel.FindOrderRequest;
import dev.seatbooking.registration.api.ApiModel.OrderResponse;
import dev.seatbooking.registration.api.ApiModel.PersonRequest;
import dev.seatbooking.registration.api.ApiModel.PlaceOrderRequest;
import dev.seatbooking.registration.api.ApiModel.PlacedOrderResponse;
import dev.seatbooking.registration.api.ApiModel.PromotionalCodeRequest;
import dev.seatbooking.registration.api.ApiModel.SeatAssignmentsResponse;
import dev.seatbooking.registration.api.ApiModel.UpdateSeatsRequest;
import dev.seatbooking.registration.service.OrderAccessGrant;
import dev.seatbooking.registration.service.OrderAccessGuard;
import dev.seatbooking.registration.service.OrderService;
import dev.seatbooking.registration.service.SeatAssignmentsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The registrants' API. Commands answer {@code 201}/{@code 202} with a {@value ConsistencyToken#HEADER} header
 * ({@code <stream id>.<version>}) and a {@code Location}; every order-specific request carries the order's access
 * code in the {@value #ACCESS_CODE} header (the code the place request answered), checked by the
 * {@link OrderAccessGuard} (an unknown order and a wrong code are one 404; too many wrong codes, a 429) before
 * anything else. Errors are problem details.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Orders", description = "Order seats for a conference, name the registrant, confirm a free order, "
        + "assign attendees to the seats bought")
public class OrdersController {

    /** The header that proves the caller is the order's registrant. */
    public static final String ACCESS_CODE = "Order-Access-Code";

    private final OrderService orders;
    private final SeatAssignmentsService seatAssignments;
    private final OrderAccessGuard guard;

    public OrdersController(OrderService orders, SeatAssignmentsService seatAssignments, OrderAccessGuard guard) {
        this.orders = orders;
        this.seatAssignments = seatAssignments;
        this.guard = guard;
    }

    /**
     * Path variables read strictly ({@link StrictInput}): ids in the UUID's canonical form, positions as plain decimal
     * integers (Spring alone would take {@code " <uuid>"}, {@code 0x0}, {@code +0} or {@code " 0"}).
     */
    @InitBinder
    void strictPathVariables(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new StrictInput.UuidEditor());
        binder.registerCustomEditor(int.class, new StrictInput.DecimalIntEditor());
    }

    @PostMapping("/conferences/{conferenceId}/orders")
    @Operation(summary = "Place an order", description = "Reserves the seats asked for (fewer if fewer are left: the "
            + "order is then partially reserved). The client chooses the order id: the same request again answers the "
            + "same and places nothing, but with the accessCode only if it shows that code in the " + ACCESS_CODE
            + " header; another request with that id is a 409. The answer's accessCode is required by every "
            + "order-specific request, in the " + ACCESS_CODE + " header.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = false,
            description = "only for a repeated request: with it, the repeat answers the access code again")
    ResponseEntity<PlacedOrderResponse> place(@PathVariable UUID conferenceId,
                                              @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                              @Valid @RequestBody PlaceOrderRequest request, HttpServletRequest http) {
        OrderService.PlacedOrder placed = orders.place(request.orderId(), conferenceId, request.seatQuantities(),
                request.codes(), accessCode, http.getRemoteAddr());
        return ResponseEntity.created(orderUri(placed.orderId()))
                .header(ConsistencyToken.HEADER, new ConsistencyToken(placed.orderId(), placed.version()).toString())
                .body(new PlacedOrderResponse(placed.orderId(), placed.conferenceId(), placed.accessCode()));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "Read an order as the write side has it")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    OrderResponse read(@PathVariable UUID orderId, @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                       HttpServletRequest http) {
        return OrderResponse.of(orders.read(access(orderId, accessCode, http)));
    }

    @PostMapping("/orders/lookup")
    @Operation(summary = "Find an order by the registrant's email and the order's access code",
            description = "A POST so that the access code stays out of URLs and logs.")
    OrderResponse find(@Valid @RequestBody FindOrderRequest request, HttpServletRequest http) {
        return OrderResponse.of(orders.read(guard.lookUp(request.email().strip(), request.accessCode().strip(),
                http.getRemoteAddr())));
    }

    @PutMapping("/orders/{orderId}/seats")
    @Operation(summary = "Change the seats of an order while its seats are held",
            description = "The seats it already asks for or holds: nothing changes (202 all the same).")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> updateSeats(@PathVariable UUID orderId,
                                     @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                     @Valid @RequestBody UpdateSeatsRequest request, HttpServletRequest http) {
        return accepted(orderId, orders.updateSeats(access(orderId, accessCode, http), request.seatQuantities(),
                http.getRemoteAddr()));
    }

    @PostMapping("/orders/{orderId}/promotional-codes")
    @Operation(summary = "Apply a promotional code while the order's seats are held",
            description = "Takes one of the code's uses for the order and prices it again. Refused, with a problem "
                    + "naming the code and why, the order unchanged: unknown, disabled, not yet valid or expired, used "
                    + "up (422), conflicting with a code applied (422), for none of the order's seat types (422), "
                    + "already applied (409), the order expired, confirmed or its hold over (409).")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> applyPromotionalCode(@PathVariable UUID orderId,
                                              @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                              @Valid @RequestBody PromotionalCodeRequest request,
                                              HttpServletRequest http) {
        return accepted(orderId, orders.applyPromotionalCode(access(orderId, accessCode, http), request.code()));
    }

    @DeleteMapping("/orders/{orderId}/promotional-codes/{code}")
    @Operation(summary = "Remove a promotional code while the order's seats are held (its use is released)",
            description = "A code the order does not have: 409 promotional-code-not-applied; the order expired, "
                    + "confirmed or its hold over: 409.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> removePromotionalCode(@PathVariable UUID orderId,
                                               @PathVariable @Pattern(regexp = ApiModel.CODE_SHAPE) String code,
                                               @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                               HttpServletRequest http) {
        return accepted(orderId, orders.removePromotionalCode(access(orderId, accessCode, http), code));
    }

    @PutMapping("/orders/{orderId}/registrant")
    @Operation(summary = "Name the registrant (their email, with the access code, finds the order again)")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> assignRegistrant(@PathVariable UUID orderId,
                                          @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                          @Valid @RequestBody PersonRequest request, HttpServletRequest http) {
        var person = request.toPersonalInfo();
        return accepted(orderId, orders.assignRegistrant(access(orderId, accessCode, http), person.firstName(),
                person.lastName(), person.email()));
    }

    @PostMapping("/orders/{orderId}/confirmation")
    @Operation(summary = "Confirm a free order (total 0) without payment, while its seats are held",
            description = "An order that costs something is confirmed by its payment: 422 payment-required.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> confirm(@PathVariable UUID orderId,
                                 @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                 HttpServletRequest http) {
        return accepted(orderId, orders.confirmWithoutPayment(access(orderId, accessCode, http)));
    }

    @PostMapping("/orders/{orderId}/cancel")
    @Operation(summary = "Cancel a confirmed order, before the conference's cancellation cut-off",
            description = "Its seats go back (to the waitlist first) and its payment is refunded. Only a confirmed"
                    + " order (409 order-not-confirmed), once (409 order-cancelled), and only before the conference's"
                    + " start less the owner's cut-off (409 cancellation-cutoff-passed, with the deadline).")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> cancel(@PathVariable UUID orderId,
                                @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                HttpServletRequest http) {
        return accepted(orderId, orders.cancelByRegistrant(access(orderId, accessCode, http)));
    }

    @GetMapping("/orders/{orderId}/seat-assignments")
    @Operation(summary = "The seats a confirmed order bought and who sits in them")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    SeatAssignmentsResponse seatAssignments(@PathVariable UUID orderId,
                                            @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                            HttpServletRequest http) {
        return SeatAssignmentsResponse.of(seatAssignments.read(access(orderId, accessCode, http)));
    }

    @PutMapping("/orders/{orderId}/seat-assignments/{position}")
    @Operation(summary = "Assign an attendee to a seat (another email replaces whoever sat there)")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> assignSeat(@PathVariable UUID orderId, @PathVariable @Min(0) @Max(10_000) int position,
                                    @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                    @Valid @RequestBody PersonRequest request, HttpServletRequest http) {
        int version = seatAssignments.assign(access(orderId, accessCode, http), position, request.toPersonalInfo());
        return seatAssignmentsAccepted(orderId, version);
    }

    @DeleteMapping("/orders/{orderId}/seat-assignments/{position}")
    @Operation(summary = "Free a seat")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> unassignSeat(@PathVariable UUID orderId, @PathVariable @Min(0) @Max(10_000) int position,
                                      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                      HttpServletRequest http) {
        return seatAssignmentsAccepted(orderId, seatAssignments.unassign(access(orderId, accessCode, http), position));
    }

    /** The access check every order-specific request starts with (the request's address: whom failures count against). */
    private OrderAccessGrant access(UUID orderId, String accessCode, HttpServletRequest http) {
        return guard.verify(orderId, accessCode, http.getRemoteAddr());
    }

    private static ResponseEntity<Void> accepted(UUID orderId, int version) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(orderUri(orderId))
                .header(ConsistencyToken.HEADER, new ConsistencyToken(orderId, version).toString()).build();
    }

    private static ResponseEntity<Void> seatAssignmentsAccepted(UUID orderId, int version) {
        UUID id = dev.seatbooking.registration.seatassignments.SeatAssignments.idFor(orderId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/orders/" + orderId + "/seat-assignments"))
                .header(ConsistencyToken.HEADER, new ConsistencyToken(id, version).toString()).build();
    }

    private static URI orderUri(UUID orderId) {
        return URI.create("/api/orders/" + orderId);
    }
}
