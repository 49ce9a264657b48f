package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.exports.ConferenceExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * The owner's CSV exports (issue 17): attendees for badges, and orders. A download, so the answer is an attachment;
 * the browser page fetches it with the owner's Basic header and saves the body (a plain link cannot send the header).
 * {@link OwnerOnly}, as every call under a conference.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}/exports")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Conference administration", description = "For the conference's owner")
class ExportsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ConferenceAdministration administration;
    private final ConferenceExports exports;

    ExportsController(ConferenceAdministration administration, ConferenceExports exports) {
        this.administration = administration;
        this.exports = exports;
    }

    @GetMapping("/attendees.csv")
    @Operation(summary = "The conference's attendees as CSV, for badges: order, seat, seat type, name, email")
    ResponseEntity<String> attendees(@PathVariable UUID conferenceId) {
        return csv(conferenceId, "attendees", exports::attendees);
    }

    @GetMapping("/orders.csv")
    @Operation(summary = "The conference's orders as CSV: status, registrant, seats, total, discounts,"
            + " amount paid and payment ids, amount refunded and each refund's state")
    ResponseEntity<String> orders(@PathVariable UUID conferenceId) {
        return csv(conferenceId, "orders", exports::orders);
    }

    /** UTF-8, an attachment named after the conference's slug (letters, digits and dashes only). */
    private ResponseEntity<String> csv(UUID conferenceId, String what, Function<UUID, String> export) {
        String slug = administration.get(conferenceId).details().slug();
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(slug + "-" + what + ".csv").build().toString())
                .body(export.apply(conferenceId));
    }
}
