package dev.seatbooking.registration.api;

import dev.seatbooking.registration.order.Order;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The rules an order form needs before there is an order, from their one home in the domain: a page offers what
 * the service accepts instead of a copy of the number. The same for every caller, so anyone may ask and cache it.
 */
@RestController
@Tag(name = "Orders")
class OrderLimitsController {

    /** @param maxSeatsPerSeatType the most seats of one seat type an order may hold ({@link Order#MAX_SEATS_PER_SEAT_TYPE}) */
    record OrderLimits(int maxSeatsPerSeatType) {
    }

    @GetMapping("/api/orders/limits")
    @Operation(summary = "What an order may hold", description = "The same for every conference and caller; a client"
            + " may cache it for an hour. An order over these limits is a 422.")
    ResponseEntity<OrderLimits> limits() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new OrderLimits(Order.MAX_SEATS_PER_SEAT_TYPE));
    }
}
