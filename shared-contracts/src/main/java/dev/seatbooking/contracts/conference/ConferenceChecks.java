package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.time.LocalDate;

/** Checks shared by ConferenceCreated and ConferenceUpdated (a class, because interface members are public). */
final class ConferenceChecks {

    private ConferenceChecks() {
    }

    static void details(String slug, String name, String description, String location, LocalDate startDate,
                        LocalDate endDate, String ownerName, String ownerEmail) {
        Require.text(slug, "slug");
        Require.text(name, "name");
        Require.nonNull(description, "description");
        Require.nonNull(location, "location");
        new ConferenceDates(startDate, endDate);
        Require.text(ownerName, "ownerName");
        Require.text(ownerEmail, "ownerEmail");
    }
}
