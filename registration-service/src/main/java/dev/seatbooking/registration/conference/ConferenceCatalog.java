package dev.seatbooking.registration.conference;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CancellationCutoff;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.registration.order.ConferenceSeatTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * This service's copy of what Conference Management published (tables {@code conferences}, {@code seat_types}):
 * what an order is checked and priced against. Written only by {@link ConferenceEventHandler}.
 */
@Component
public class ConferenceCatalog {

    private static final String CONFERENCE =
            "SELECT published, reservation_hold_ms, offer_hold_ms FROM conferences WHERE id = ? AND slug IS NOT NULL";
    private static final String OFFER_HOLD =
            "SELECT offer_hold_ms FROM conferences WHERE id = ? AND slug IS NOT NULL";
    private static final String CANCELLATION =
            "SELECT start_date, cancellation_cutoff_days FROM conferences WHERE id = ? AND slug IS NOT NULL";
    private static final String SEAT_TYPES =
            "SELECT id, name, price, currency FROM seat_types WHERE conference_id = ? ORDER BY position";

    private record Cached<T>(T value, long loadedAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final long cacheNanos;
    private final Map<UUID, Cached<ConferenceSeatTypes>> cache = new ConcurrentHashMap<>();
    /**
     * The offer holds, apart from the seat types: the SeatsAvailability writer asks for the hold with every command,
     * also while a conference is being announced, and what it reads then (an unpublished conference) must not be
     * what orders are checked against for the cache's time, on an instance that does not see the announcement's
     * change (another instance's consumer handled it).
     */
    private final Map<UUID, Cached<OfferHold>> offerHolds = new ConcurrentHashMap<>();
    /**
     * Counts the changes announced ({@link #changed}): a read that began before one may have read the rows as they
     * were, so it is not kept. Without this, a reader on another thread could put a conference back as it was just
     * after the change removed it.
     */
    private final AtomicLong changes = new AtomicLong();

    /**
     * @param cacheFor how long {@link #get} may answer from memory: every order is priced with its conference's seat
     *                 types, so a hot conference's are read from memory rather than twice from the database per
     *                 command. Changes made by this instance are seen at once; those another instance made, within
     *                 this time. Zero: always read.
     */
    public ConferenceCatalog(DataSource dataSource,
                             @Value("${registration.catalog-cache:1s}") Duration cacheFor) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cacheNanos = cacheFor.toNanos();
    }

    /** The conference's seat types and settings, or empty if Conference Management never announced it. */
    public Optional<ConferenceSeatTypes> find(UUID conferenceId) {
        record Row(boolean published, long holdMillis, Long offerHoldMillis) {
        }
        Optional<Row> conference = jdbc.query(CONFERENCE, (rs, n) -> new Row(rs.getBoolean(1), rs.getLong(2),
                rs.getObject(3, Long.class)), conferenceId).stream().findFirst();
        return conference.map(c -> new ConferenceSeatTypes(conferenceId, c.published(),
                Duration.ofMillis(c.holdMillis()), millis(c.offerHoldMillis()), seatTypes(conferenceId)));
    }

    /**
     * The conference's seat types as of at most {@code registration.catalog-cache} ago (see the constructor), for a
     * conference that must be known.
     *
     * @throws UnknownConference if Conference Management never announced it
     */
    public ConferenceSeatTypes get(UUID conferenceId) {
        return recent(cache, conferenceId, this::find).orElseThrow(() -> new UnknownConference(conferenceId));
    }

    /**
     * How long the conference's waitlist offers are held, as of at most {@code registration.catalog-cache} ago (as
     * {@link #get}); {@link OfferHold#DEFAULT} for a conference not announced yet (its seat types may come first).
     */
    public OfferHold offerHold(UUID conferenceId) {
        return recent(offerHolds, conferenceId, id -> jdbc.query(OFFER_HOLD,
                (rs, n) -> OfferHold.orDefault(millis(rs.getObject(1, Long.class))), id).stream().findFirst())
                .orElse(OfferHold.DEFAULT);
    }

    /**
     * Until when a registrant may cancel a confirmed order of the conference: its start (the first day's beginning,
     * UTC: the service's one clock) less the owner's cut-off in whole days. Read from the table each time (a
     * cancellation is rare; no cache to go stale).
     *
     * @return empty if the conference is unknown, or was last announced before its start was kept here
     */
    public Optional<Instant> cancellationDeadline(UUID conferenceId) {
        return jdbc.query(CANCELLATION, (rs, n) -> {
            LocalDate start = rs.getObject(1, LocalDate.class);
            if (start == null) return null;
            int days = CancellationCutoff.orDefault(rs.getObject(2, Integer.class)).days();
            return start.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
        }, conferenceId).stream().filter(Objects::nonNull).findFirst();
    }

    /** What {@code cached} holds of the conference if loaded recently enough, else loaded (and kept if found). */
    private <T> Optional<T> recent(Map<UUID, Cached<T>> cached, UUID conferenceId,
                                   Function<UUID, Optional<T>> load) {
        Cached<T> kept = cached.get(conferenceId);
        if (kept != null && System.nanoTime() - kept.loadedAtNanos() < cacheNanos) return Optional.of(kept.value());
        long now = System.nanoTime();
        long changesBefore = changes.get();
        Optional<T> found = load.apply(conferenceId);
        if (cacheNanos > 0 && found.isPresent()) {
            // Checked under the key's lock: a change counted after this read removes what it puts, one counted before
            // keeps it from being put.
            cached.compute(conferenceId, (id, old) -> changes.get() == changesBefore ? new Cached<>(found.get(), now) : old);
        }
        return found;
    }

    /** Forgets what {@link #get} remembers of a conference, once the current transaction (that changes it) commits. */
    void changed(UUID conferenceId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(conferenceId);
                }
            });
        }
        forget(conferenceId);
    }

    /** Counted before removed: see {@link #changes}. */
    private void forget(UUID conferenceId) {
        changes.incrementAndGet();
        cache.remove(conferenceId);
        offerHolds.remove(conferenceId);
    }

    /** A hold not stored (announced before the setting existed) is null: the default. */
    private static Duration millis(Long stored) {
        return stored == null ? null : Duration.ofMillis(stored);
    }

    private List<ConferenceSeatTypes.SeatType> seatTypes(UUID conferenceId) {
        return jdbc.query(SEAT_TYPES, (rs, n) -> new ConferenceSeatTypes.SeatType(rs.getObject(1, UUID.class),
                rs.getString(2), new Money(rs.getBigDecimal(3), rs.getString(4))), conferenceId);
    }
}
