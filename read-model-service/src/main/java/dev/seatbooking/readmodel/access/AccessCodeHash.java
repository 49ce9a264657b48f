package dev.seatbooking.readmodel.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stored form of an order's access code: SHA-256 of the code exactly as the OrderPlaced event carried it.
 * The code is random (50 bits, see registration's AccessCodeGenerator), so no salt or slow hash is needed: nobody
 * can enumerate the candidates. Codes are compared by their hashes in constant time.
 */
public final class AccessCodeHash {

    /** Compared with when there is no stored hash, so an unknown order costs the same work as a known one. */
    private static final byte[] NONE = new byte[32];

    private AccessCodeHash() {
    }

    public static byte[] of(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code presented} (surrounding spaces ignored) is the code whose hash is {@code stored}; false when
     * either is absent. Takes the same time wherever the two differ, and whether or not there is a stored hash.
     */
    public static boolean matches(String presented, byte[] stored) {
        byte[] given = of(presented == null ? "" : presented.strip());
        boolean equal = MessageDigest.isEqual(given, stored == null ? NONE : stored);
        return equal && stored != null && presented != null && !presented.isBlank();
    }
}
