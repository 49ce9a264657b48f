package dev.seatbooking.readmodel.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Find-my-order: the registrant's email and the order's access code, in a body, so that no URL holds the code.
 * Control characters are refused here: PostgreSQL refuses a NUL in text, and nothing legitimate holds one.
 */
public record OrderLookup(@NotBlank @Size(max = 254) @Pattern(regexp = NO_CONTROLS, message = CONTROLS) String email,
                          @NotBlank @Size(max = 64) @Pattern(regexp = NO_CONTROLS, message = CONTROLS) String accessCode) {

    static final String NO_CONTROLS = "[^\\p{Cntrl}]*";
    static final String CONTROLS = "must not contain control characters";

    /** The code does not belong in logs or traces, even of a failed request. */
    @Override
    public String toString() {
        return "OrderLookup[email=" + email + ", accessCode=***]";
    }
}
