package dev.seatbooking.readmodel.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Find-my-order: the registrant's email and the order's access code, in a body, so that no URL holds the code. */
public record OrderLookup(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 64) String accessCode) {

    /** The code does not belong in logs or traces, even of a failed request. */
    @Override
    public String toString() {
        return "OrderLookup[email=" + email + ", accessCode=***]";
    }
}
