package dev.seatbooking.conference.orders;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Keeps each promotional code's uses (held, used) from registration's {@code PromotionalCodeUseHeld/Released/Spent},
 * for the owner's list and the floor of a code's usage limit. Every event carries the code's counts after it, so
 * the latest one says all: it is taken as it is, with the version of the event in the conference's code-uses stream.
 * <p>
 * An event applies only if its version is newer than the one the code's counts come from: a redelivered or late
 * event changes nothing. The version is compared per code, not per conference: an event about one code says nothing
 * about another's counts, so an older event of code B arriving after a newer one of code A still carries B's latest
 * counts (the stream's versions order the events of every code of the conference). Runs in the consumer's inbox
 * transaction, like {@link OrderProjection}.
 */
@Component
public class CodeUsesProjection {

    private final JdbcTemplate jdbc;

    public CodeUsesProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void handle(Envelope envelope, PromotionalCodeUsesEvent event) {
        jdbc.update("""
                INSERT INTO promotional_code_uses (code_id, conference_id, held, used, stream_version, updated_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (code_id) DO UPDATE
                    SET held = EXCLUDED.held, used = EXCLUDED.used, stream_version = EXCLUDED.stream_version,
                        updated_at = now()
                    WHERE promotional_code_uses.stream_version < EXCLUDED.stream_version""",
                event.codeId(), event.conferenceId(), event.held(), event.used(), envelope.aggregateVersion());
    }
}
