package dev.seatbooking.payments.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Order access codes as payments keeps them: only their SHA-256, so a leaked table opens no order; a code given is
 * compared with it in constant time, so the time an answer takes does not tell how much of a guess was right.
 */
public final class AccessCodes {

    private AccessCodes() {
    }

    public static byte[] sha256(String accessCode) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(accessCode.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code given} is the code whose hash is {@code expected}; false if either is missing. */
    public static boolean matches(String given, byte[] expected) {
        // Hash even when there is nothing to compare with: an unknown order takes as long as a wrong code.
        byte[] hashed = sha256(given == null ? "" : given);
        return given != null && expected != null && MessageDigest.isEqual(hashed, expected);
    }
}
