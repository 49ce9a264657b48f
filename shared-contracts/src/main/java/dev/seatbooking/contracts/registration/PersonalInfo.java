package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Require;

/** An attendee of a seat. The email identifies the person (compared case-insensitively by SeatAssignments). */
public record PersonalInfo(String firstName, String lastName, String email) {

    public PersonalInfo {
        Require.nonNull(firstName, "firstName");
        Require.nonNull(lastName, "lastName");
        Require.text(email, "email");
    }
}
