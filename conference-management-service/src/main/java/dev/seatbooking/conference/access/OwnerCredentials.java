package dev.seatbooking.conference.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An owner's email and access code, as sent with each admin request in an {@code Authorization: Basic} header
 * ({@code base64(email:accessCode)}, RFC 7617). See docs/adr/0005-conference-admin-access.md.
 */
public record OwnerCredentials(String email, String accessCode) {

    @Override
    public String toString() {
        return "OwnerCredentials[" + email + ", ****]"; // never log the code
    }

    /**
     * @return empty when the header is absent or not Basic
     * @throws OwnerAccessDenied.NotAuthenticated when it is Basic but cannot be read
     */
    public static Optional<OwnerCredentials> fromAuthorizationHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OwnerAccessDenied.NotAuthenticated("The Basic credentials are not base64");
        }
        // The code never contains ':' and an email practically never does: split at the last one.
        int colon = decoded.lastIndexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new OwnerAccessDenied.NotAuthenticated("The Basic credentials must be <owner email>:<access code>");
        }
        return Optional.of(new OwnerCredentials(decoded.substring(0, colon).trim(), decoded.substring(colon + 1)));
    }
}
