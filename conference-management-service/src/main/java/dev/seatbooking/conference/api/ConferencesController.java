package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerAccess;
import dev.seatbooking.conference.access.OwnerCredentials;
import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.orders.OrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The calls that need no credentials: creating a conference (and what its form needs to know), and finding one with
 * its owner's credentials.
 */
@RestController
@RequestMapping("/api/conferences")
@Tag(name = "Conferences", description = "Create a conference; sign in to it")
class ConferencesController {

    private final ConferenceAdministration administration;
    private final OwnerAccess access;
    private final OrderQueries orders;

    ConferencesController(ConferenceAdministration administration, OwnerAccess access, OrderQueries orders) {
        this.administration = administration;
        this.access = access;
        this.orders = orders;
    }

    @PostMapping
    @Operation(summary = "Create a conference",
            description = "201 with the access code (shown only this once) and the conference; 409 if the slug is"
                    + " taken or a conference with the given id exists; 400 with field errors for invalid input.")
    ResponseEntity<Views.CreatedConference> create(@Valid @RequestBody ConferenceRequest request) {
        var created = administration.create(request.id(), request.toDetails());
        var conference = created.conference();
        URI location = URI.create("/api/conferences/" + conference.id());
        return ConsistencyTokens.withToken(ResponseEntity.created(location), conference.id(), conference.eventVersion())
                .body(new Views.CreatedConference(created.accessCode(), Views.ConferenceView.of(conference, Map.of())));
    }

    @GetMapping("/limits")
    @Operation(summary = "What a new conference's form needs: the default holds (reservation, waitlist offer) and their ranges",
            description = "The same for every conference and caller; a client may cache it for an hour.")
    ResponseEntity<Views.ConferenceLimits> limits() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(Views.ConferenceLimits.current());
    }

    @PostMapping("/locate")
    @Operation(summary = "Find the conference an owner's email and access code open",
            description = "200 with the conference; 401 if they open none; 429 after too many failures.")
    ResponseEntity<Views.ConferenceView> locate(@Valid @RequestBody LocateRequest request, HttpServletRequest http) {
        UUID conferenceId = access.signIn(http.getRemoteAddr(), new OwnerCredentials(request.email(), request.accessCode()));
        var conference = administration.get(conferenceId);
        return ResponseEntity.ok()
                .location(URI.create("/api/conferences/" + conferenceId))
                .body(Views.ConferenceView.of(conference, orders.soldByConference(conferenceId)));
    }
}
