package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.registration.api.ApiModel.FindOrderRequest;
import dev.seatbooking.registration.api.ApiModel.OrderResponse;
import dev.seatbooking.registration.api.ApiModel.PersonRequest;
import dev.seatbooking.registration.api.ApiModel.PlaceOrderRequest;
import dev.seatbooking.registration.api.ApiModel.PlacedOrderResponse;
import dev.seatbooking.registration.api.ApiModel.SeatAssignmentsResponse;
import dev.seatbooking.registration.api.ApiModel.UpdateSeatsRequest;
import dev.seatbooking.registration.service.OrderService;
import dev.seatbooking.registration.service.SeatAssignmentsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
 * code in the {@value #ACCESS_CODE} header (the code the place request answered). Errors are problem details.
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

    public OrdersController(OrderService orders, SeatAssignmentsService seatAssignments) {
        this.orders = orders;
        this.seatAssignments = seatAssignments;
    }

    @PostMapping("/conferences/{conferenceId}/orders")
    @Operation(summary = "Place an order", description = "Reserves the seats asked for (fewer if fewer are left: the "
            + "order is then partially reserved). The client chooses the order id: the same request again answers the "
            + "same and places nothing; another request with that id is a 409. The answer's accessCode is required "
            + "by every order-specific request, in the " + ACCESS_CODE + " header.")
    ResponseEntity<PlacedOrderResponse> place(@PathVariable UUID conferenceId,
                                              @Valid @RequestBody PlaceOrderRequest request) {
        OrderService.PlacedOrder placed = orders.place(request.orderId(), conferenceId, request.seatQuantities());
        return ResponseEntity.created(orderUri(placed.orderId()))
                .header(ConsistencyToken.HEADER, new ConsistencyToken(placed.orderId(), placed.version()).toString())
                .body(new PlacedOrderResponse(placed.orderId(), placed.conferenceId(), placed.accessCode()));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "Read an order as the write side has it")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    OrderResponse read(@PathVariable UUID orderId, @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
        return OrderResponse.of(orders.read(orderId, accessCode));
    }

    @PostMapping("/orders/lookup")
    @Operation(summary = "Find an order by the registrant's email and the order's access code",
            description = "A POST so that the access code stays out of URLs and logs.")
    OrderResponse find(@Valid @RequestBody FindOrderRequest request) {
        return OrderResponse.of(orders.find(request.email().strip(), request.accessCode().strip()));
    }

    @PutMapping("/orders/{orderId}/seats")
    @Operation(summary = "Change the seats of an order while its seats are held",
            description = "The seats it already asks for or holds: nothing changes (202 all the same).")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> updateSeats(@PathVariable UUID orderId,
                                     @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                     @Valid @RequestBody UpdateSeatsRequest request) {
        return accepted(orderId, orders.updateSeats(orderId, accessCode, request.seatQuantities()));
    }

    @PutMapping("/orders/{orderId}/registrant")
    @Operation(summary = "Name the registrant (their email, with the access code, finds the order again)")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> assignRegistrant(@PathVariable UUID orderId,
                                          @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                          @Valid @RequestBody PersonRequest request) {
        var person = request.toPersonalInfo();
        return accepted(orderId, orders.assignRegistrant(orderId, accessCode, person.firstName(), person.lastName(),
                person.email()));
    }

    @PostMapping("/orders/{orderId}/confirmation")
    @Operation(summary = "Confirm a free order (total 0) without payment, while its seats are held",
            description = "An order that costs something is confirmed by its payment: 422 payment-required.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> confirm(@PathVariable UUID orderId,
                                 @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
        return accepted(orderId, orders.confirmWithoutPayment(orderId, accessCode));
    }

    @GetMapping("/orders/{orderId}/seat-assignments")
    @Operation(summary = "The seats a confirmed order bought and who sits in them")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    SeatAssignmentsResponse seatAssignments(@PathVariable UUID orderId,
                                            @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
        return SeatAssignmentsResponse.of(seatAssignments.read(orderId, accessCode));
    }

    @PutMapping("/orders/{orderId}/seat-assignments/{position}")
    @Operation(summary = "Assign an attendee to a seat (another email replaces whoever sat there)")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> assignSeat(@PathVariable UUID orderId, @PathVariable @Min(0) @Max(10_000) int position,
                                    @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                    @Valid @RequestBody PersonRequest request) {
        int version = seatAssignments.assign(orderId, accessCode, position, request.toPersonalInfo());
        return seatAssignmentsAccepted(orderId, version);
    }

    @DeleteMapping("/orders/{orderId}/seat-assignments/{position}")
    @Operation(summary = "Free a seat")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> unassignSeat(@PathVariable UUID orderId, @PathVariable @Min(0) @Max(10_000) int position,
                                      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
        return seatAssignmentsAccepted(orderId, seatAssignments.unassign(orderId, accessCode, position));
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
