package dev.seatbooking.notifications.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code mails}: one row per mail to send. Written in the consumer's transaction (a redelivered event finds its
 * {@code dedup_key} taken and adds nothing); read and updated by {@link MailDelivery}, one mail per transaction.
 */
@Component
public class Mails {

    /**
     * A mail due to be sent, locked by the transaction that read it.
     *
     * @param limitsWaived an operator sent it again after it was {@code SUPPRESSED}: its recipient's limits do not hold
     */
    public record Due(UUID mailId, MailKind kind, String recipient, String recipientName, Map<String, Object> model,
                      int attempts, boolean limitsWaived) {
    }

    /** A mail given up on ({@code FAILED}) or never sent ({@code SUPPRESSED}), as operators see it. */
    public record Failed(UUID mailId, MailKind kind, String recipient, int attempts, String lastError,
                         Instant failedAt, Instant createdAt) {
    }

    /** The states operators list and resend from. */
    public enum Stopped { FAILED, SUPPRESSED }

    /** What asking to send a mail again came to. */
    public sealed interface Resend {
        /**
         * Back to {@code PENDING}, due now, its attempts from zero: the sender sends it on its next round. Its last
         * error stays until the next attempt replaces it (sent: cleared).
         */
        record Resent(MailKind kind, String previousError) implements Resend {
        }

        /** Not stopped ({@code PENDING} or {@code SENT}): nothing to resend. */
        record NotFailed(String state) implements Resend {
        }

        record Unknown() implements Resend {
        }
    }

    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public Mails(DataSource dataSource, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    /**
     * Adds a mail unless one with this key exists (the same event again); addressed at once if the contact of
     * {@code addressKey} is known, else when it arrives ({@link #address}).
     */
    public void add(String dedupKey, MailKind kind, UUID addressKey, Map<String, Object> model) {
        jdbc.update("""
                INSERT INTO mails (mail_id, dedup_key, kind, address_key, recipient, recipient_name, model)
                SELECT ?, ?, ?, ?, c.email, c.name, ?::jsonb
                FROM (SELECT 1) one LEFT JOIN contacts c ON c.address_key = ?
                ON CONFLICT (dedup_key) DO NOTHING""",
                UUID.randomUUID(), dedupKey, kind.name(), addressKey, json.writeValueAsString(model), addressKey);
    }

    /** Adds a mail to a recipient the event names (an attendee), unless one with this key exists. */
    public void addTo(String dedupKey, MailKind kind, UUID addressKey, String recipient, String recipientName,
                      Map<String, Object> model) {
        jdbc.update("""
                INSERT INTO mails (mail_id, dedup_key, kind, address_key, recipient, recipient_name, model)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (dedup_key) DO NOTHING""",
                UUID.randomUUID(), dedupKey, kind.name(), addressKey, recipient, recipientName,
                json.writeValueAsString(model));
    }

    /** The mails waiting for this order's or entry's address get it. */
    public void address(UUID addressKey, String name, String email) {
        jdbc.update("UPDATE mails SET recipient = ?, recipient_name = ? WHERE address_key = ? AND recipient IS NULL",
                email, name, addressKey);
    }

    /** The next mail due, locked (skipping those another sender holds); call inside a transaction. */
    Optional<Due> nextDue() {
        return jdbc.query("""
                SELECT mail_id, kind, recipient, recipient_name, model::text, attempts, limits_waived FROM mails
                WHERE status = 'PENDING' AND recipient IS NOT NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), MailKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), json.readValue(rs.getString(5), MODEL), rs.getInt(6), rs.getBoolean(7)))
                .stream().findFirst();
    }

    void sent(UUID mailId) {
        jdbc.update("UPDATE mails SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL "
                + "WHERE mail_id = ?", mailId);
    }

    /** Whether the mails sent to this recipient (counted as {@link Recipients#key}) reach either limit. */
    boolean overLimits(String recipient, int perHour, int perDay) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE sent_at > now() - interval '1 hour') >= ? OR count(*) >= ?
                FROM mails WHERE recipient_key = ? AND status = 'SENT' AND sent_at > now() - interval '1 day'""",
                Boolean.class, perHour, perDay, Recipients.key(recipient)));
    }

    /** Never sent: its recipient had as many mails as one person gets. */
    void suppressed(UUID mailId) {
        jdbc.update("UPDATE mails SET status = 'SUPPRESSED', last_error = 'over the recipient limits', "
                + "failed_at = now() WHERE mail_id = ?", mailId);
    }

    /** Tries again after {@code backoff}; the other mails go on meanwhile. */
    void failed(UUID mailId, Duration backoff, String error) {
        jdbc.update("""
                UPDATE mails SET attempts = attempts + 1, last_error = ?,
                       next_attempt_at = now() + make_interval(secs => ?)
                WHERE mail_id = ?""", error, backoff.toMillis() / 1000.0, mailId);
    }

    /** Never tried again: refused for good, or failing after the most attempts. */
    void failedForGood(UUID mailId, String error) {
        jdbc.update("UPDATE mails SET status = 'FAILED', attempts = attempts + 1, last_error = ?, failed_at = now() "
                + "WHERE mail_id = ?", error, mailId);
    }

    /** The mails given up on ({@code FAILED}) or never sent ({@code SUPPRESSED}), the latest first. */
    public List<Failed> stopped(Stopped state, int limit) {
        return jdbc.query("""
                SELECT mail_id, kind, recipient, attempts, last_error, failed_at, created_at FROM mails
                WHERE status = ? ORDER BY failed_at DESC, mail_id LIMIT ?""",
                (rs, n) -> new Failed(rs.getObject(1, UUID.class), MailKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()), state.name(), limit);
    }

    /**
     * A failed or suppressed mail goes back to the sender; a suppressed one is then sent whatever its recipient's
     * limits say (the operator looked at it). The update takes only such a row: of two operators at once, the second
     * waits for the first's row lock, then finds it {@code PENDING} and changes nothing, so the mail is queued, hence
     * sent, once.
     */
    Resend resend(UUID mailId) {
        List<Resend> resent = jdbc.query("""
                UPDATE mails SET limits_waived = limits_waived OR status = 'SUPPRESSED', status = 'PENDING',
                                 attempts = 0, next_attempt_at = now(), failed_at = NULL
                WHERE mail_id = ? AND status IN ('FAILED', 'SUPPRESSED') RETURNING kind, last_error""",
                (rs, n) -> new Resend.Resent(MailKind.valueOf(rs.getString(1)), rs.getString(2)), mailId);
        if (!resent.isEmpty()) return resent.getFirst();
        return jdbc.query("SELECT status FROM mails WHERE mail_id = ?", (rs, n) -> rs.getString(1), mailId).stream()
                .<Resend>map(Resend.NotFailed::new).findFirst().orElseGet(Resend.Unknown::new);
    }

    /** How many mails with an address are not sent yet (due, or waiting for a retry). */
    double pending() {
        return count("SELECT count(*) FROM mails WHERE status = 'PENDING' AND recipient IS NOT NULL");
    }

    /** How many mails wait for their address (most for one that never comes: a cart left before the registrant's page). */
    double awaitingAddress() {
        return count("SELECT count(*) FROM mails WHERE status = 'PENDING' AND recipient IS NULL");
    }

    private double count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /** Kinds and statuses of the mails of an order or entry, oldest first (tests, the mailbox). */
    public List<Map<String, Object>> of(UUID addressKey) {
        return jdbc.queryForList("SELECT kind, status, attempts, recipient FROM mails WHERE address_key = ? "
                + "ORDER BY created_at, kind", addressKey);
    }
}
