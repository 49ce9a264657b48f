package dev.seatbooking.registration.conference;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.messaging.DerivedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Keeps {@link ConferenceCatalog}'s and {@link PromotionalCodeCatalog}'s tables as Conference Management announces
 * them, and turns each change of a seat
 * type's quantity into AddSeats/RemoveSeats for the conference's SeatsAvailability, enqueued in the same
 * transaction. Runs inside the consumer's inbox transaction, so each event counts once.
 */
@Component
public class ConferenceEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ConferenceEventHandler.class);

    private static final String ENSURE_CONFERENCE = "INSERT INTO conferences (id) VALUES (?) ON CONFLICT DO NOTHING";
    // Each statement writes only from an event newer than the one the row was last written from (V9); 0 is an event
    // without a version, applied as it comes, and leaves the version kept as it was.
    private static final String DETAILS = """
            INSERT INTO conferences (id, slug, reservation_hold_ms, offer_hold_ms, start_date, cancellation_cutoff_days,
                                     details_version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, reservation_hold_ms = excluded.reservation_hold_ms,
                                           offer_hold_ms = excluded.offer_hold_ms, start_date = excluded.start_date,
                                           cancellation_cutoff_days = excluded.cancellation_cutoff_days,
                                           details_version = greatest(conferences.details_version, excluded.details_version),
                                           updated_at = now()
            WHERE excluded.details_version = 0 OR conferences.details_version < excluded.details_version""";
    private static final String PUBLISHED = """
            INSERT INTO conferences (id, published, published_version) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET published = excluded.published,
                                           published_version = greatest(conferences.published_version,
                                                                        excluded.published_version), updated_at = now()
            WHERE excluded.published_version = 0 OR conferences.published_version < excluded.published_version""";
    private static final String SEAT_TYPE_FOR_UPDATE =
            "SELECT quantity, event_version FROM seat_types WHERE conference_id = ? AND id = ? FOR UPDATE";
    private static final String UPSERT_SEAT_TYPE = """
            INSERT INTO seat_types (conference_id, id, name, description, price, currency, quantity, event_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (conference_id, id) DO UPDATE SET name = excluded.name, description = excluded.description,
                price = excluded.price, currency = excluded.currency, quantity = excluded.quantity,
                event_version = greatest(seat_types.event_version, excluded.event_version), updated_at = now()""";

    private final JdbcTemplate jdbc;
    private final CommandRouting commands;
    private final ConferenceCatalog catalog;
    private final PromotionalCodeCatalog promotionalCodes;
    private final Clock clock;

    public ConferenceEventHandler(DataSource dataSource, CommandRouting commands, ConferenceCatalog catalog,
                                  PromotionalCodeCatalog promotionalCodes, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.commands = commands;
        this.catalog = catalog;
        this.promotionalCodes = promotionalCodes;
        this.clock = clock;
    }

    public void handle(Envelope envelope) {
        if (!(envelope.payload() instanceof ConferenceEvent event)) {
            log.debug("Ignoring {} on the conference events topic", envelope.type());
            return;
        }
        catalog.changed(event.conferenceId());
        long version = envelope.aggregateVersion();
        switch (event) {
            case ConferenceCreated e -> details(e.conferenceId(), e.slug(), e.reservationHold(), e.offerHold(),
                    e.startDate(), e.cancellationCutoffDays(), version);
            case ConferenceUpdated e -> details(e.conferenceId(), e.slug(), e.reservationHold(), e.offerHold(),
                    e.startDate(), e.cancellationCutoffDays(), version);
            case ConferencePublished e -> jdbc.update(PUBLISHED, e.conferenceId(), true, version);
            case ConferenceUnpublished e -> jdbc.update(PUBLISHED, e.conferenceId(), false, version);
            case SeatCreated e -> seatType(envelope, e.conferenceId(), e.seatTypeId(), e.name(), e.description(),
                    e.quantity(), e.price());
            case SeatUpdated e -> seatType(envelope, e.conferenceId(), e.seatTypeId(), e.name(), e.description(),
                    e.quantity(), e.price());
            case PromotionalCodeDefined e -> promotionalCodes.defined(e, version);
        }
    }

    private void details(UUID conferenceId, String slug, Duration reservationHold, Duration offerHold,
                         LocalDate startDate, int cancellationCutoffDays, long version) {
        jdbc.update(DETAILS, conferenceId, slug, reservationHold.toMillis(), offerHold.toMillis(), startDate,
                cancellationCutoffDays, version);
    }

    /**
     * SeatCreated and SeatUpdated both carry the seat type's full state, so either may create or update it: a
     * SeatCreated seen again (a second announcement) adds no seats twice, and one older than what the row was last
     * written from (delivered late) changes nothing, so the owner's latest quantity stays on sale.
     */
    private void seatType(Envelope cause, UUID conferenceId, UUID seatTypeId, String name, String description,
                          int quantity, Money price) {
        long version = cause.aggregateVersion();
        jdbc.update(ENSURE_CONFERENCE, conferenceId);
        SeatTypeRow row = jdbc.query(SEAT_TYPE_FOR_UPDATE, (rs, n) -> new SeatTypeRow(rs.getInt(1), rs.getLong(2)),
                conferenceId, seatTypeId).stream().findFirst().orElse(null);
        if (row != null && version != Envelope.UNVERSIONED && version <= row.eventVersion()) {
            log.info("Skipped {} version {} of seat type {}: written from version {} already", cause.type(), version,
                    seatTypeId, row.eventVersion());
            return;
        }
        Integer before = row == null ? null : row.quantity();
        jdbc.update(UPSERT_SEAT_TYPE, conferenceId, seatTypeId, name, description, price.amount(), price.currency(),
                quantity, version);
        SeatsAvailabilityCommand change;
        if (before == null) change = new AddSeats(conferenceId, seatTypeId, quantity); // makes the type known
        else if (quantity > before) change = new AddSeats(conferenceId, seatTypeId, quantity - before);
        else if (quantity < before) change = new RemoveSeats(conferenceId, seatTypeId, before - quantity);
        else return;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = DerivedIds.of(cause.messageId(), "SeatsAvailability");
        commands.sendNow(Envelope.of(id, change, conferenceId, Envelope.UNVERSIONED, now).causedBy(cause));
    }

    private record SeatTypeRow(int quantity, long eventVersion) {
    }
}
