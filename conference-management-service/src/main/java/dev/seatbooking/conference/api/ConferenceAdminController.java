package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceRejection;
import dev.seatbooking.conference.orders.OrderCancellations;
import dev.seatbooking.conference.orders.OrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Everything an owner does to their conference. {@link OwnerOnly}: every call needs the conference's owner
 * email and access code (HTTP Basic), checked before the handler runs (401 without or with wrong ones, 403 with
 * another conference's, 429 after repeated failures).
 * <p>
 * Changes answer with the resulting state and a {@code Consistency-Token} ({@code <conference id>.<version of
 * the last event about it>}) that the read side can be asked to wait for.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Conference administration", description = "For the conference's owner")
class ConferenceAdminController {

    private final ConferenceAdministration administration;
    private final OrderQueries orders;
    private final OrderCancellations cancellations;

    ConferenceAdminController(ConferenceAdministration administration, OrderQueries orders,
                              OrderCancellations cancellations) {
        this.administration = administration;
        this.orders = orders;
        this.cancellations = cancellations;
    }

    @GetMapping
    @Operation(summary = "The conference with its seat types")
    Views.ConferenceView get(@PathVariable UUID conferenceId) {
        return view(administration.get(conferenceId));
    }

    @PutMapping
    @Operation(summary = "Replace the conference's details",
            description = "Announces ConferenceUpdated when something changed. 409 if the slug is taken.")
    ResponseEntity<Views.ConferenceView> update(@PathVariable UUID conferenceId,
                                                @Valid @RequestBody ConferenceRequest request) {
        InvalidField.requireSameId(request.id(), conferenceId);
        return changed(administration.update(conferenceId, request.toDetails()));
    }

    @PostMapping("/publish")
    @Operation(summary = "Publish the conference",
            description = "The first publication announces every seat type. Publishing a published conference"
                    + " changes nothing.")
    ResponseEntity<Views.ConferenceView> publish(@PathVariable UUID conferenceId) {
        return changed(administration.publish(conferenceId));
    }

    @PostMapping("/unpublish")
    @Operation(summary = "Unpublish the conference")
    ResponseEntity<Views.ConferenceView> unpublish(@PathVariable UUID conferenceId) {
        return changed(administration.unpublish(conferenceId));
    }

    @GetMapping("/seat-types")
    @Operation(summary = "The conference's seat types, with the seats sold of each")
    List<Views.SeatTypeView> seatTypes(@PathVariable UUID conferenceId) {
        return view(administration.get(conferenceId)).seatTypes();
    }

    @PostMapping("/seat-types")
    @Operation(summary = "Add a seat type",
            description = "201. Announced (SeatCreated) if the conference was ever published. 409 if the id exists;"
                    + " 422 if its currency differs from the other seat types'.")
    ResponseEntity<Views.SeatTypeView> addSeatType(@PathVariable UUID conferenceId,
                                                   @Valid @RequestBody SeatTypeRequest request) {
        var added = administration.addSeatType(conferenceId, request.id(), request.toDetails());
        UUID seatTypeId = added.seatType().id();
        URI location = URI.create("/api/conferences/" + conferenceId + "/seat-types/" + seatTypeId);
        return ConsistencyTokens.withToken(ResponseEntity.created(location), conferenceId, added.eventVersion())
                .body(seatTypeView(conferenceId, seatTypeId));
    }

    @GetMapping("/seat-types/{seatTypeId}")
    @Operation(summary = "One seat type")
    Views.SeatTypeView seatType(@PathVariable UUID conferenceId, @PathVariable UUID seatTypeId) {
        return seatTypeView(conferenceId, seatTypeId);
    }

    @PutMapping("/seat-types/{seatTypeId}")
    @Operation(summary = "Replace a seat type",
            description = "The quantity may grow, and shrink down to the seats sold (422 below). Announced"
                    + " (SeatUpdated) if the conference was ever published and something changed.")
    ResponseEntity<Views.SeatTypeView> updateSeatType(@PathVariable UUID conferenceId, @PathVariable UUID seatTypeId,
                                                      @Valid @RequestBody SeatTypeRequest request) {
        InvalidField.requireSameId(request.id(), seatTypeId);
        var updated = administration.updateSeatType(conferenceId, seatTypeId, request.toDetails());
        return ConsistencyTokens.withToken(ResponseEntity.ok(), conferenceId, updated.eventVersion())
                .body(seatTypeView(conferenceId, seatTypeId));
    }

    @DeleteMapping("/seat-types/{seatTypeId}")
    @Operation(summary = "Delete a seat type", description = "Only while the conference was never published (409).")
    ResponseEntity<Void> deleteSeatType(@PathVariable UUID conferenceId, @PathVariable UUID seatTypeId) {
        Conference conference = administration.removeSeatType(conferenceId, seatTypeId);
        return ConsistencyTokens.withToken(ResponseEntity.status(HttpStatus.NO_CONTENT), conference.id(),
                conference.eventVersion()).build();
    }

    @GetMapping("/orders")
    @Operation(summary = "The conference's orders: registrant, seats, total, status")
    List<Views.OrderView> orders(@PathVariable UUID conferenceId) {
        return orders.ordersOf(conferenceId).stream().map(Views.OrderView::of).toList();
    }

    @PostMapping("/orders/{orderId}/cancel")
    @Operation(summary = "Cancel a confirmed order of the conference, at any time",
            description = "202: sent to registration, which cancels it (its seats go back, to the waitlist first, and"
                    + " its payment is refunded); the order list shows CANCELLED once it is done. 404 for an order"
                    + " not of this conference, 409 order-not-confirmed or order-cancelled.")
    ResponseEntity<Void> cancelOrder(@PathVariable UUID conferenceId, @PathVariable UUID orderId) {
        cancellations.cancel(conferenceId, orderId);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/attendees")
    @Operation(summary = "The conference's attendees: every seat of an order that has one assigned")
    List<Views.AttendeeView> attendees(@PathVariable UUID conferenceId) {
        return orders.attendeesOf(conferenceId).stream().map(Views.AttendeeView::of).toList();
    }

    private ResponseEntity<Views.ConferenceView> changed(Conference conference) {
        return ConsistencyTokens.withToken(ResponseEntity.ok(), conference.id(), conference.eventVersion())
                .body(view(conference));
    }

    private Views.ConferenceView view(Conference conference) {
        return Views.ConferenceView.of(conference, orders.soldByConference(conference.id()));
    }

    private Views.SeatTypeView seatTypeView(UUID conferenceId, UUID seatTypeId) {
        return seatTypes(conferenceId).stream().filter(s -> s.id().equals(seatTypeId)).findFirst()
                .orElseThrow(() -> new ConferenceRejection.SeatTypeNotFound(seatTypeId));
    }
}
