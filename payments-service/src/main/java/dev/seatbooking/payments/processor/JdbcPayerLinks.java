package dev.seatbooking.payments.processor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/** Payer link secrets in {@code payer_links}, as SHA-256 only, compared in constant time. */
@Repository
class JdbcPayerLinks implements PayerLinks {

    private static final int SECRET_BYTES = 16;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcPayerLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String issue(UUID paymentId) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("""
                INSERT INTO payer_links (payment_id, secret_sha256) VALUES (?, ?)
                ON CONFLICT (payment_id) DO UPDATE SET secret_sha256 = excluded.secret_sha256, issued_at = now()""",
                paymentId, sha256(secret));
        return secret;
    }

    @Override
    public boolean opens(UUID paymentId, String secret) {
        // Hash before looking: an unknown payment takes as long as a wrong secret.
        byte[] given = sha256(secret == null ? "" : secret);
        byte[] expected = jdbc.query("SELECT secret_sha256 FROM payer_links WHERE payment_id = ?",
                (rs, n) -> rs.getBytes(1), paymentId).stream().filter(Objects::nonNull).findFirst().orElse(null);
        return secret != null && expected != null && MessageDigest.isEqual(given, expected);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
