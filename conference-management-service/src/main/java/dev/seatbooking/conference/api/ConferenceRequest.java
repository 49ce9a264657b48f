package dev.seatbooking.conference.api;

import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.web.validation.NotNameBased;
import dev.seatbooking.web.validation.SingleLine;
import dev.seatbooking.web.validation.ValidEmail;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** A conference's details, to create it ({@code POST /api/conferences}) or replace them ({@code PUT}). */
@EndNotBeforeStart
@SingleLine(multiLine = "description")
public record ConferenceRequest(
        @Schema(description = "Client-chosen id, so that a replayed create creates nothing twice (create only;"
                + " on PUT it must be absent or the path's); a random (version 4) UUID")
        @NotNameBased UUID id,
        @NotBlank @Size(max = 64)
        @Pattern(regexp = SLUG, message = "must be lower-case letters, digits, '-' or '_', starting with a letter or"
                + " digit (it is part of the conference's web address)")
        String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 500) String location,
        @Size(max = 200) String tagline,
        @Size(max = 200) String twitterSearch,
        @Schema(description = "yyyy-mm-dd, in the years 2000 to 9999")
        @NotNull @YearBetween(min = MIN_YEAR, max = MAX_YEAR) LocalDate startDate,
        @Schema(description = "yyyy-mm-dd, not before startDate")
        @NotNull @YearBetween(min = MIN_YEAR, max = MAX_YEAR) LocalDate endDate,
        @NotBlank @Size(max = 200) String ownerName,
        @NotBlank @Size(max = 254) @ValidEmail String ownerEmail,
        @Schema(description = "How long an order's seats are held, in minutes; when absent, the default that"
                + " GET /api/conferences/limits answers")
        @Min(MIN_HOLD_MINUTES) @Max(MAX_HOLD_MINUTES) Integer reservationHoldMinutes,
        @Schema(description = "How long seats offered to a waitlist entry are held for it, in hours; when absent,"
                + " the default that GET /api/conferences/limits answers")
        @Min(MIN_OFFER_HOLD_HOURS) @Max(MAX_OFFER_HOLD_HOURS) Integer offerHoldHours,
        @Schema(description = "Until how many whole days before the start a registrant may cancel their confirmed"
                + " order (0: until the start); when absent, the default that GET /api/conferences/limits answers")
        @Min(MIN_CANCELLATION_CUTOFF_DAYS) @Max(MAX_CANCELLATION_CUTOFF_DAYS) Integer cancellationCutoffDays) {

    /** No conference happens before this API existed or after four-digit years end. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 9999;
    static final String SLUG = "[a-z0-9][a-z0-9_-]*";
    /** An owner chooses the hold in whole minutes (the domain keeps minutes), up to four hours. */
    static final int MIN_HOLD_MINUTES = 1;
    static final int MAX_HOLD_MINUTES = 240;
    /**
     * An owner chooses the waitlist offer's hold in whole hours (the domain keeps hours), up to two weeks: an offer
     * reaches a registrant who is not waiting at the screen, and while it is open nobody else can have its seats.
     */
    static final int MIN_OFFER_HOLD_HOURS = 1;
    static final int MAX_OFFER_HOLD_HOURS = 336;
    /** A registrant's cancellation cut-off in whole days before the start: 0 (until the start) to a year. */
    static final int MIN_CANCELLATION_CUTOFF_DAYS = 0;
    static final int MAX_CANCELLATION_CUTOFF_DAYS = 365;

    ConferenceDetails toDetails() {
        return new ConferenceDetails(slug, name, description, location, blankToNull(tagline),
                blankToNull(twitterSearch), startDate, endDate, ownerName, ownerEmail,
                reservationHoldMinutes == null ? null : Duration.ofMinutes(reservationHoldMinutes),
                offerHoldHours == null ? null : Duration.ofHours(offerHoldHours), cancellationCutoffDays);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
