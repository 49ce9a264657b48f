package dev.seatbooking.conference.waitlist;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * Keeps each waitlist entry of every conference (issue 15, ADR 15) from registration's SeatsAvailability events, for
 * the owner's waitlist view: the seats it wants, the seats its open offer holds, and whether it ended. The rules are
 * the aggregate's ({@code SeatsAvailability.apply}): WaitlistJoined puts an entry on the list; each WaitlistOfferMade
 * carries all the seats offered to it so far (an entry may get several partial offers); leaving, lapsing and
 * accepting each end it.
 * <p>
 * Runs in the consumer's inbox transaction, like the order projections, so a redelivered message has no second effect.
 * The events of one conference's stream share a key and arrive in order; each write also applies only if the event's
 * version in that stream is newer than the one the row comes from, so an event published again under another message
 * id, or an older one, changes nothing — and a join seen again after its entry ended does not put it back.
 */
@Component
public class WaitlistProjection {

    private static final String END = """
            UPDATE waitlist_entries SET ended = ?, stream_version = ?, updated_at = now()
            WHERE entry_id = ? AND ended IS NULL AND stream_version < ?""";

    private final JdbcTemplate jdbc;

    public WaitlistProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void handle(Envelope envelope, SeatsAvailabilityEvent event) {
        long version = envelope.aggregateVersion();
        switch (event) {
            case WaitlistJoined e -> jdbc.update("""
                    INSERT INTO waitlist_entries (entry_id, conference_id, seat_type_id, wanted, offered, stream_version,
                                                  updated_at)
                    VALUES (?, ?, ?, ?, 0, ?, now())
                    ON CONFLICT (entry_id) DO NOTHING""",
                    e.entryId(), e.conferenceId(), e.seatTypeId(), e.quantity(), version);
            case WaitlistOfferMade e -> jdbc.update("""
                    UPDATE waitlist_entries SET offered = ?, stream_version = ?, updated_at = now()
                    WHERE entry_id = ? AND ended IS NULL AND stream_version < ?""",
                    e.offered().quantity(), version, e.entryId(), version);
            case WaitlistLeft e -> end(e.entryId(), "LEFT", version);
            case WaitlistOfferLapsed e -> end(e.entryId(), "LAPSED", version);
            case WaitlistOfferAccepted e -> end(e.entryId(), "ACCEPTED", version);
            default -> {
                // Seats reserved, released, sold or added: the owner's seat type view has its own numbers.
            }
        }
    }

    private void end(UUID entryId, String how, long version) {
        jdbc.update(END, how, version, entryId, version);
    }
}
