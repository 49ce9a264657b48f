package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.eventsourcing.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * Announces once more, at start-up, every conference marked by {@code V9} ({@code conferences.reannounce}): a
 * {@code ConferenceUpdated} with its full current state, so that registration's catalog learns the start date and
 * cancellation cut-off of conferences last announced before it kept them (ADR 17). Each one in a transaction of its
 * own that locks the row, enqueues the event in the outbox and clears the mark: the event goes out once, over
 * restarts (a mark cleared is never announced again; one left by a crash is announced at the next start) and over
 * several instances starting together (SKIP LOCKED shares the rows out; the rows another transaction holds — an
 * owner's change, another instance's announcement — are then waited for and looked at again, so none is left behind
 * while marked).
 * <p>
 * For every consumer the event changes nothing but what it lacked: it carries what the conference is, as an owner's
 * update would (registration's catalog, the read model's conference and the notifications' conference name are
 * upserts of the same values; the read model's version of the conference moves on, as for any event).
 */
@Component
public class ConferenceReannouncement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConferenceReannouncement.class);
    private static final String NEXT_MARKED = "SELECT id FROM conferences WHERE reannounce ORDER BY id LIMIT 1 FOR UPDATE";

    private final ConferenceRepository conferences;
    private final ConferenceEventOutbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public ConferenceReannouncement(ConferenceRepository conferences, ConferenceEventOutbox outbox,
                                    PlatformTransactionManager transactionManager, DataSource dataSource) {
        this.conferences = conferences;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int announced = reannounceMarked();
            if (announced > 0) log.info("Announced {} conferences once more (ConferenceUpdated)", announced);
        } catch (RuntimeException e) {
            // The marks left stay for the next start; the service itself works without them.
            log.warn("Could not announce every marked conference once more; the rest at the next start", e);
        }
    }

    /** @return how many conferences this call announced */
    public int reannounceMarked() {
        int announced = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> reannounceNext()))) announced++;
        return announced;
    }

    private boolean reannounceNext() {
        List<UUID> next = jdbc.queryForList(NEXT_MARKED + " SKIP LOCKED", UUID.class);
        if (next.isEmpty()) next = jdbc.queryForList(NEXT_MARKED, UUID.class);
        if (next.isEmpty()) return false;
        Conference conference = conferences.findForUpdate(next.getFirst()).orElseThrow();
        outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.updated(conference));
        jdbc.update("UPDATE conferences SET reannounce = false WHERE id = ?", conference.id());
        return true;
    }
}
