package dev.seatbooking.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stored form of an order's access code outside registration (the read model, payments): SHA-256 of the code
 * exactly as {@code OrderPlaced} carries it, so a leaked table opens no order. The code is random (see registration's
 * AccessCodeGenerator), so no salt or slow hash is needed: nobody can enumerate the candidates. A presented code is
 * compared by its hash in constant time, and an unknown order costs the same work as a wrong code.
 */
public final class AccessCodeHash {

    /** Compared with when there is no stored hash. */
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
     * Whether {@code presented} is the code whose hash is {@code stored}; false when either is absent or blank.
     * Surrounding white space is not part of a code (HTTP drops it from a header value anyway).
     */
    public static boolean matches(String presented, byte[] stored) {
        byte[] given = of(presented == null ? "" : presented.strip());
        boolean equal = MessageDigest.isEqual(given, stored == null ? NONE : stored);
        return equal && stored != null && presented != null && !presented.isBlank();
    }
}
