package dev.seatbooking.conference.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An owner's email and access code, as sent with each admin request in an {@code Authorization: Basic} header
 * ({@code base64(email:accessCode)}, RFC 7617). See docs/adr/0005-conference-admin-access.md.
 */
public record OwnerCredentials(String email, String accessCode) {

    /** The longest email the API accepts (RFC 5321's path limit), and a generous bound for a typed code. */
    static final int MAX_EMAIL = 254;
    static final int MAX_CODE = 64;

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
        // Refused before anything is trimmed: trim() would turn "email\u0000" into a valid email.
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            throw new OwnerAccessDenied.NotAuthenticated("The Basic credentials must not contain control characters");
        }
        String email = decoded.substring(0, colon).trim(); // only spaces are left to trim
        String code = decoded.substring(colon + 1);
        if (email.isEmpty() || email.length() > MAX_EMAIL || code.length() > MAX_CODE) {
            throw new OwnerAccessDenied.NotAuthenticated("The Basic credentials must be <owner email>:<access code>");
        }
        return Optional.of(new OwnerCredentials(email, code));
    }
}
