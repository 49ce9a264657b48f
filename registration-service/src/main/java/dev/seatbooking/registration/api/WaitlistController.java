package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.registration.api.ApiModel.AcceptOfferRequest;
import dev.seatbooking.registration.api.ApiModel.JoinWaitlistRequest;
import dev.seatbooking.registration.api.ApiModel.OrderWaitlistedResponse;
import dev.seatbooking.registration.api.ApiModel.WaitlistOrderRequest;
import dev.seatbooking.registration.api.ApiModel.PlacedOrderResponse;
import dev.seatbooking.registration.api.ApiModel.JoinedWaitlistResponse;
import dev.seatbooking.registration.api.ApiModel.WaitlistEntryResponse;
import dev.seatbooking.registration.service.OrderAccessGuard;
import dev.seatbooking.registration.service.OrderService;
import dev.seatbooking.registration.service.WaitlistService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * A registrant's waitlist entry (issue 15, ADR 15 "API"): join a seat type's waitlist, see the entry's position and
 * offer, leave it. Every entry-specific request carries the code the join answered in the {@value #ACCESS_CODE}
 * header (an unknown entry and a wrong code are one 404; too many wrong codes, a 429), as for orders. Joining and
 * leaving are commands to the conference's SeatsAvailability, handled after the answer (202).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Waitlist", description = "Wait for seats of a sold-out seat type: seats that come back are offered "
        + "in join order")
public class WaitlistController {

    /** The header that proves the caller is the entry's registrant. */
    public static final String ACCESS_CODE = "Waitlist-Access-Code";

    private final WaitlistService waitlist;
    private final OrderAccessGuard orderAccess;

    public WaitlistController(WaitlistService waitlist, OrderAccessGuard orderAccess) {
        this.waitlist = waitlist;
        this.orderAccess = orderAccess;
    }

    @InitBinder
    void strictPathVariables(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new StrictInput.UuidEditor());
    }

    @PostMapping("/conferences/{conferenceId}/waitlist")
    @Operation(summary = "Join a seat type's waitlist", description = "The client chooses the entry id: the same "
            + "request again answers the same and joins once, with the accessCode only if it shows that code in the "
            + ACCESS_CODE + " header; another request with that id is a 409. Seats of the type on sale (none while "
            + "anyone waits) are offered at once.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = false,
            description = "only for a repeated request: with it, the repeat answers the access code again")
    ResponseEntity<JoinedWaitlistResponse> join(@PathVariable UUID conferenceId,
                                                @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                                @Valid @RequestBody JoinWaitlistRequest request,
                                                HttpServletRequest http) {
        WaitlistService.Joined joined = waitlist.join(request.entryId(), conferenceId, request.seatTypeId(),
                request.quantity(), request.name().strip(), request.email().strip(), accessCode, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(entryUri(joined.entryId()))
                .body(new JoinedWaitlistResponse(joined.entryId(), joined.accessCode()));
    }

    @PostMapping("/orders/{orderId}/waitlist")
    @Operation(summary = "Waitlist the seats an order asked for and did not get, in one step",
            description = "One entry per seat type the order is short of (asked less reserved), joined in the order's "
                    + "line order, all opened by one accessCode. The same request again joins nothing and answers the "
                    + "same entries, with the accessCode only if it shows it in " + ACCESS_CODE + ". An order not "
                    + "short of seats (every seat reserved, or not reserved yet): 409 order-not-short; an expired or "
                    + "confirmed one: 409 order-expired, order-confirmed.")
    @Parameter(name = OrdersController.ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = false,
            description = "only for a repeated request: with it, the repeat answers the entries' access code again")
    ResponseEntity<OrderWaitlistedResponse> waitlistOrder(@PathVariable UUID orderId,
                                                          @RequestHeader(name = OrdersController.ACCESS_CODE,
                                                                  required = false) String orderCode,
                                                          @RequestHeader(name = ACCESS_CODE, required = false)
                                                          String accessCode,
                                                          @Valid @RequestBody WaitlistOrderRequest request,
                                                          HttpServletRequest http) {
        var access = orderAccess.verify(orderId, orderCode, http.getRemoteAddr());
        WaitlistService.OrderWaitlisted waitlisted = waitlist.waitlistMissingSeats(access, request.name().strip(),
                request.email().strip(), accessCode, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderWaitlistedResponse.of(waitlisted));
    }

    @GetMapping("/waitlist/{entryId}")
    @Operation(summary = "The entry's status, position and offer, as the write side has them")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    WaitlistEntryResponse read(@PathVariable UUID entryId,
                               @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                               HttpServletRequest http) {
        return WaitlistEntryResponse.of(waitlist.read(entryId, accessCode, http.getRemoteAddr()));
    }

    @DeleteMapping("/waitlist/{entryId}")
    @Operation(summary = "Leave the waitlist (declining an open offer: its seats go to the next entry)",
            description = "Leaving again, or after the entry ended, changes nothing (202 all the same).")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    ResponseEntity<Void> leave(@PathVariable UUID entryId,
                               @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                               HttpServletRequest http) {
        waitlist.leave(entryId, accessCode, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(entryUri(entryId)).build();
    }

    @PostMapping("/waitlist/{entryId}/order")
    @Operation(summary = "Accept the entry's open offer into a new order of the seats offered",
            description = "The client chooses the order id; the order is placed holding the offered seats and goes on "
                    + "as any order (registrant, payment). The same request again answers the same (the order's "
                    + "accessCode only if it shows it in " + OrdersController.ACCESS_CODE + "); another order id: 409 "
                    + "waitlist-offer-accepted; no open offer (not yet, lapsed, left): 409 no-open-offer.")
    @Parameter(name = ACCESS_CODE, in = ParameterIn.HEADER, required = true)
    @Parameter(name = OrdersController.ACCESS_CODE, in = ParameterIn.HEADER, required = false,
            description = "only for a repeated request: with it, the repeat answers the order's access code again")
    ResponseEntity<PlacedOrderResponse> accept(@PathVariable UUID entryId,
                                               @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                                               @RequestHeader(name = OrdersController.ACCESS_CODE, required = false)
                                               String orderCode,
                                               @Valid @RequestBody AcceptOfferRequest request, HttpServletRequest http) {
        OrderService.PlacedOrder placed = waitlist.accept(entryId, request.orderId(), accessCode, orderCode,
                http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/orders/" + placed.orderId()))
                .header(ConsistencyToken.HEADER, new ConsistencyToken(placed.orderId(), placed.version()).toString())
                .body(new PlacedOrderResponse(placed.orderId(), placed.conferenceId(), placed.accessCode()));
    }

    private static URI entryUri(UUID entryId) {
        return URI.create("/api/waitlist/" + entryId);
    }
}
