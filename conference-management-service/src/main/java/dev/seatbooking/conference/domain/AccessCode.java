package dev.seatbooking.conference.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A conference owner's secret: 16 characters from a 32-letter alphabet (80 random bits from {@link SecureRandom}),
 * shown in groups of four ({@code K7QF-M2XD-9RTB-4HWP}). The RI's 6 characters could be guessed; 2^80 cannot, even
 * without the throttling of failed sign-ins.
 * <p>
 * Only its SHA-256 {@link #hash} is stored. A code this random needs no salt or slow hash: nobody can enumerate
 * the candidates. Codes are compared by their hashes with {@link #matches}, in constant time. Input is normalized
 * (case, spaces and dashes do not matter), so owners can type it as they like.
 */
public final class AccessCode {

    /** Crockford's base 32: digits and letters without I, L, O and U, which are easily misread. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCode() {
    }

    /** A new random code, as shown to the owner. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) code.append('-');
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The stored form of a code: SHA-256 of its normalized text. */
    public static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalize(code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code code} is the one whose hash is {@code storedHash}; takes the same time wherever they differ. */
    public static boolean matches(String code, byte[] storedHash) {
        return MessageDigest.isEqual(hash(code), storedHash);
    }

    static String normalize(String code) {
        StringBuilder normalized = new StringBuilder(code.length());
        code.toUpperCase(Locale.ROOT).chars()
                .filter(c -> c != '-' && !Character.isWhitespace(c))
                .forEach(c -> normalized.append((char) c));
        return normalized.toString();
    }
}
