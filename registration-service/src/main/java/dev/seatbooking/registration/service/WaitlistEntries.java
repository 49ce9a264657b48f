package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code waitlist_entries}: who joined a waitlist (name, email, the hash of the access code), kept out of the
 * SeatsAvailability stream (ADR 15, "API"). Marks an entry ended in the transaction of the event that ended it, since
 * the aggregate forgets ended entries.
 */
@Component
public class WaitlistEntries {

    /** An entry as joined; {@code ended} is null while it is on the list (or its join is still on the way). */
    public record Row(UUID entryId, UUID conferenceId, UUID seatTypeId, int quantity, String name, String email,
                      byte[] accessCodeHash, String ended) {

        boolean sameJoin(Row other) {
            return conferenceId.equals(other.conferenceId) && seatTypeId.equals(other.seatTypeId)
                    && quantity == other.quantity && name.equals(other.name) && email.equals(other.email);
        }
    }

    private final JdbcTemplate jdbc;

    public WaitlistEntries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** False if the id was taken (by this join sent before, or another). */
    boolean insert(Row row, Instant joinedAt) {
        return jdbc.update("""
                        INSERT INTO waitlist_entries (entry_id, conference_id, seat_type_id, quantity, name, email,
                                                      access_code_hash, joined_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                row.entryId(), row.conferenceId(), row.seatTypeId(), row.quantity(), row.name(), row.email(),
                row.accessCodeHash(), Timestamp.from(joinedAt)) == 1;
    }

    public Optional<Row> find(UUID entryId) {
        return jdbc.query("""
                        SELECT entry_id, conference_id, seat_type_id, quantity, name, email, access_code_hash, ended
                        FROM waitlist_entries WHERE entry_id = ?""",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getString(8)),
                entryId).stream().findFirst();
    }

    /** The order the entry's offer went to, and its seats, if it was accepted; locks the row until commit. */
    Optional<Accepted> acceptedLocking(UUID entryId) {
        return jdbc.query("SELECT order_id, order_seats FROM waitlist_entries WHERE entry_id = ? FOR UPDATE",
                (rs, n) -> rs.getObject(1) == null ? null : new Accepted(rs.getObject(1, UUID.class), rs.getInt(2)),
                entryId).stream().filter(Objects::nonNull).findFirst();
    }

    void accepted(UUID entryId, Accepted accepted) {
        jdbc.update("UPDATE waitlist_entries SET order_id = ?, order_seats = ? WHERE entry_id = ?",
                accepted.orderId(), accepted.seats(), entryId);
    }

    record Accepted(UUID orderId, int seats) {
    }

    /** SeatsAvailability's events, in the transaction that appended them. */
    @EventListener
    public void on(EventsAppended appended) {
        for (Envelope event : appended.events()) {
            switch (event.payload()) {
                case WaitlistLeft e -> ended(e.entryId(), "LEFT");
                case WaitlistOfferLapsed e -> ended(e.entryId(), "LAPSED");
                case WaitlistOfferAccepted e -> ended(e.entryId(), "ACCEPTED");
                default -> { }
            }
        }
    }

    private void ended(UUID entryId, String how) {
        jdbc.update("UPDATE waitlist_entries SET ended = ? WHERE entry_id = ? AND ended IS NULL", how, entryId);
    }
}
