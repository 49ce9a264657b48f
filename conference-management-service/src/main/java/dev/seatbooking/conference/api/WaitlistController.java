package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.waitlist.WaitlistQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The owner's view of the conference's waitlists (issue 15): per seat type, who waits and what it is worth. Raising a
 * seat type's quantity from there is the seat-type update ({@code PUT .../seat-types/{seatTypeId}}). {@link OwnerOnly},
 * as every call under a conference.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}/waitlist")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Conference administration", description = "For the conference's owner")
class WaitlistController {

    private final ConferenceAdministration administration;
    private final WaitlistQueries waitlists;

    WaitlistController(ConferenceAdministration administration, WaitlistQueries waitlists) {
        this.administration = administration;
        this.waitlists = waitlists;
    }

    @GetMapping
    @Operation(summary = "The conference's waitlists: per seat type, the people on it, the seats they want and are"
            + " offered, and the revenue they represent at the current price",
            description = "Every seat type of the conference, in its order (zeros where nobody waits), as registration"
                    + " last reported its waitlist events.")
    WaitlistView waitlist(@PathVariable UUID conferenceId) {
        return new WaitlistView(waitlists.of(administration.get(conferenceId)).stream().map(SeatTypeWaitlistView::of)
                .toList());
    }

    record WaitlistView(List<SeatTypeWaitlistView> seatTypes) {
    }

    record SeatTypeWaitlistView(
            UUID seatTypeId, String name,
            @Schema(description = "Entries on the waitlist: waiting, or holding an open offer") int people,
            @Schema(description = "Seats those entries still wait for (not offered yet)") int seatsWanted,
            @Schema(description = "Seats held in their open offers") int seatsOffered,
            @Schema(description = "(seatsWanted + seatsOffered) at the seat type's current price") Views.PriceView revenue) {

        static SeatTypeWaitlistView of(WaitlistQueries.SeatTypeWaitlist w) {
            return new SeatTypeWaitlistView(w.seatTypeId(), w.name(), w.people(), w.seatsWanted(), w.seatsOffered(),
                    Views.PriceView.of(w.revenue()));
        }
    }
}
