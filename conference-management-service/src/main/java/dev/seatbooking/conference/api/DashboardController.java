package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.dashboard.Bucket;
import dev.seatbooking.conference.dashboard.Dashboard;
import dev.seatbooking.conference.dashboard.DashboardQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The owner's dashboard (issue 17, ADR 18): the conference's sales at a glance, read from the projections of
 * registration's events this service keeps. {@link OwnerOnly}, as every call under a conference.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Conference administration", description = "For the conference's owner")
class DashboardController {

    private final ConferenceAdministration administration;
    private final DashboardQueries dashboards;

    DashboardController(ConferenceAdministration administration, DashboardQueries dashboards) {
        this.administration = administration;
        this.dashboards = dashboards;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The conference's sales at a glance: seats sold, held and available per seat type, orders by"
            + " status, orders and revenue over time, promotional code uses and discounts, waitlist demand,"
            + " cancellations, refunds per state and reason",
            description = "As registration's events last reported them (updated within seconds of each). Amounts are"
                    + " numbers in `currency`; periods are UTC, only those with something in them.")
    Dashboard dashboard(@PathVariable UUID conferenceId,
                        @Parameter(description = "The periods over time: `hour` or `day` (UTC)")
                        @RequestParam(defaultValue = "day") String bucket) {
        Bucket width = Bucket.parse(bucket).orElseThrow(() -> new InvalidField("bucket", "must be hour or day"));
        return dashboards.of(administration.get(conferenceId), width);
    }
}
