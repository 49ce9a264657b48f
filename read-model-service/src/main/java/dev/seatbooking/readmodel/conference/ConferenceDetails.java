package dev.seatbooking.readmodel.conference;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The registrant's conference page.
 *
 * @param version             the conference stream's version (Conference Management)
 * @param availabilityVersion the version of the conference's SeatsAvailability stream (Registration) reflected
 */
public record ConferenceDetails(UUID id, String slug, String name, String description, String location,
                                String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                                List<SeatType> seatTypes, long version, long availabilityVersion) {

    /**
     * @param quantity          the seats the owner offers
     * @param availableQuantity the seats still available to reserve now
     * @param waitlisted        true while anyone is on the seat type's waitlist (waiting, or holding an open offer):
     *                          seats that come back go to them first, none is on sale meanwhile
     */
    public record SeatType(UUID id, String name, String description, Price price, int quantity,
                           int availableQuantity, boolean waitlisted) {
    }

    public record Price(BigDecimal amount, String currency) {
    }

    @JsonIgnore
    public String versionTag() {
        return "c" + version + "a" + availabilityVersion;
    }
}
