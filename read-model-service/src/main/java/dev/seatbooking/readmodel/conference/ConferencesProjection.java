package dev.seatbooking.readmodel.conference;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionDescriptor;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Conferences with their seat types and prices (from Conference Management) and the seats still available
 * per seat type (from the conference's SeatsAvailability stream in Registration): the registrant's
 * conference page. The book's ConferenceViewModelGenerator.
 *
 * <p>Availability is kept as a sum of the signed changes SeatsAvailability publishes, in a table of its own
 * joined at query time, so it does not matter whether a seat type's availability or its description arrives
 * first (they come from different topics). A seat type shows 0 available until Registration has added its
 * seats: that is the truth, it cannot be reserved before.
 *
 * <p>A seat type is <em>waitlisted</em> (issue 15) while any entry of its waitlist is on it: waiting, or holding an open
 * offer. The entries on the list are kept by id with their seat type (only WaitlistJoined names it): joined adds one,
 * and leaving, lapsing and accepting each end one, exactly as {@code SeatsAvailability.apply} does
 * ({@code waitlist.end(entryId)}). Offers, partial or whole, do not change whether an entry is on the list.
 * Schema version 2 (version 1 had no waitlist): a version-1 generation is rebuilt at start-up.
 */
public final class ConferencesProjection implements Projection {

    public static final String NAME = "conferences";

    private static final ProjectionDescriptor DESCRIPTOR = new ProjectionDescriptor(NAME, 2,
            Set.of(StreamType.CONFERENCE, StreamType.SEATS_AVAILABILITY), StreamType.CONFERENCE);

    @Override
    public ProjectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> ddl() {
        return List.of("""
                CREATE TABLE {g}.conferences (
                    conference_id  uuid    PRIMARY KEY,
                    slug           text    NOT NULL,
                    name           text    NOT NULL,
                    description    text    NOT NULL,
                    location       text    NOT NULL,
                    tagline        text,
                    twitter_search text,
                    start_date     date    NOT NULL,
                    end_date       date    NOT NULL,
                    published      boolean NOT NULL,
                    version        bigint  NOT NULL)""",
                // Not unique: a slug freed by one conference may reach us before the rename that freed it.
                "CREATE INDEX ON {g}.conferences (slug)",
                """
                CREATE TABLE {g}.seat_types (
                    seat_type_id  uuid    PRIMARY KEY,
                    conference_id uuid    NOT NULL,
                    name          text    NOT NULL,
                    description   text    NOT NULL,
                    quantity      int     NOT NULL,
                    price         numeric NOT NULL,
                    currency      text    NOT NULL)""",
                "CREATE INDEX ON {g}.seat_types (conference_id)",
                """
                CREATE TABLE {g}.seat_availability (
                    conference_id uuid NOT NULL,
                    seat_type_id  uuid NOT NULL,
                    available     int  NOT NULL,
                    PRIMARY KEY (conference_id, seat_type_id))""",
                // The waitlist entries on the list now (ended ones are deleted): what "waitlisted" is read from.
                """
                CREATE TABLE {g}.waitlist_entries (
                    entry_id      uuid PRIMARY KEY,
                    conference_id uuid NOT NULL,
                    seat_type_id  uuid NOT NULL)""",
                "CREATE INDEX ON {g}.waitlist_entries (conference_id, seat_type_id)");
    }

    @Override
    public void apply(Envelope event, Tables tables) {
        switch (event.payload()) {
            case ConferenceEvent e -> apply(e, event.aggregateVersion(), tables);
            case SeatsAvailabilityEvent e -> apply(e, tables);
            default -> {
            }
        }
    }

    private static final String UPSERT_CONFERENCE = """
            INSERT INTO {g}.conferences (conference_id, slug, name, description, location, tagline, twitter_search,
                                         start_date, end_date, published, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)
            ON CONFLICT (conference_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                description = EXCLUDED.description, location = EXCLUDED.location, tagline = EXCLUDED.tagline,
                twitter_search = EXCLUDED.twitter_search, start_date = EXCLUDED.start_date,
                end_date = EXCLUDED.end_date, version = EXCLUDED.version""";
    private static final String UPSERT_SEAT_TYPE = """
            INSERT INTO {g}.seat_types (seat_type_id, conference_id, name, description, quantity, price, currency)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (seat_type_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                quantity = EXCLUDED.quantity, price = EXCLUDED.price, currency = EXCLUDED.currency""";
    private static final String PUBLISHED = "UPDATE {g}.conferences SET published = ?, version = ? WHERE conference_id = ?";
    private static final String VERSION = "UPDATE {g}.conferences SET version = ? WHERE conference_id = ?";
    private static final String CHANGE_AVAILABILITY = """
            INSERT INTO {g}.seat_availability AS a (conference_id, seat_type_id, available) VALUES (?, ?, ?)
            ON CONFLICT (conference_id, seat_type_id) DO UPDATE SET available = a.available + EXCLUDED.available""";
    private static final String JOIN_WAITLIST = """
            INSERT INTO {g}.waitlist_entries (entry_id, conference_id, seat_type_id) VALUES (?, ?, ?)
            ON CONFLICT (entry_id) DO NOTHING""";
    private static final String END_WAITLIST_ENTRY = "DELETE FROM {g}.waitlist_entries WHERE entry_id = ?";

    private static void apply(ConferenceEvent event, long version, Tables tables) {
        switch (event) {
            case ConferenceCreated c -> tables.update(UPSERT_CONFERENCE, c.conferenceId(), c.slug(), c.name(),
                    c.description(), c.location(), c.tagline(), c.twitterSearch(), Date.valueOf(c.startDate()),
                    Date.valueOf(c.endDate()), version);
            case ConferenceUpdated c -> tables.update(UPSERT_CONFERENCE, c.conferenceId(), c.slug(), c.name(),
                    c.description(), c.location(), c.tagline(), c.twitterSearch(), Date.valueOf(c.startDate()),
                    Date.valueOf(c.endDate()), version);
            case ConferencePublished p -> tables.update(PUBLISHED, true, version, p.conferenceId());
            case ConferenceUnpublished u -> tables.update(PUBLISHED, false, version, u.conferenceId());
            case SeatCreated s -> {
                tables.update(UPSERT_SEAT_TYPE, s.seatTypeId(), s.conferenceId(), s.name(), s.description(),
                        s.quantity(), s.price().amount(), s.price().currency());
                tables.update(VERSION, version, s.conferenceId());
            }
            case SeatUpdated s -> {
                tables.update(UPSERT_SEAT_TYPE, s.seatTypeId(), s.conferenceId(), s.name(), s.description(),
                        s.quantity(), s.price().amount(), s.price().currency());
                tables.update(VERSION, version, s.conferenceId());
            }
            // Codes are the owner's and the registrant's business, not the public page's: only the version moves.
            case PromotionalCodeDefined d -> tables.update(VERSION, version, d.conferenceId());
        }
    }

    private static void apply(SeatsAvailabilityEvent event, Tables tables) {
        switch (event) {
            case SeatsReserved r -> changeAvailability(tables, r.conferenceId(), r.availableSeatsChanged());
            case SeatsReservationCancelled c -> changeAvailability(tables, c.conferenceId(), c.availableSeatsChanged());
            case AvailableSeatsChanged a -> changeAvailability(tables, a.conferenceId(), a.seats());
            case SeatsReservationCommitted committed -> {
                // sold for good: availability changed when the seats were reserved
            }
            // A cancelled order's seats (issue 16): those that went on sale; offers to the waitlist follow.
            case SoldSeatsReturned r -> changeAvailability(tables, r.conferenceId(), r.availableSeatsChanged());
            // The waitlist (issue 15): offers hold seats like reservations, and only the seats on sale count as
            // available; whether a type is waitlisted follows the entries on the list.
            case WaitlistJoined j -> tables.update(JOIN_WAITLIST, j.entryId(), j.conferenceId(), j.seatTypeId());
            case WaitlistOfferMade o -> changeAvailability(tables, o.conferenceId(), o.availableSeatsChanged());
            case WaitlistLeft l -> {
                tables.update(END_WAITLIST_ENTRY, l.entryId());
                changeAvailability(tables, l.conferenceId(), l.availableSeatsChanged());
            }
            case WaitlistOfferLapsed l -> {
                tables.update(END_WAITLIST_ENTRY, l.entryId());
                changeAvailability(tables, l.conferenceId(), l.availableSeatsChanged());
            }
            // The offer's seats become an order's reservation: they were already off sale.
            case WaitlistOfferAccepted a -> tables.update(END_WAITLIST_ENTRY, a.entryId());
        }
    }

    private static void changeAvailability(Tables tables, UUID conferenceId, List<SeatQuantity> changes) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (SeatQuantity change : changes) {
            if (change.quantity() != 0) rows.add(new Object[]{conferenceId, change.seatTypeId(), change.quantity()});
        }
        tables.batchUpdate(CHANGE_AVAILABILITY, rows);
    }
}
