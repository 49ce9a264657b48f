package dev.seatbooking.conference.api;

import dev.seatbooking.web.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An owner's credentials, to find the conference they open. */
@SingleLine
public record LocateRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 64) String accessCode) {

    @Override
    public String toString() {
        return "LocateRequest[" + email + ", ****]";
    }
}
