package dev.seatbooking.readmodel.conference;

import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the conferences projection. Only published conferences are shown to registrants. */
public final class ConferenceQueries {

    private final ReadTransactions reads;

    public ConferenceQueries(ReadTransactions reads) {
        this.reads = reads;
    }

    public List<ConferenceSummary> published(Tables tables) {
        return reads.once(() -> tables.query("""
                SELECT conference_id, slug, name, tagline, location, start_date, end_date, version
                FROM {g}.conferences WHERE published ORDER BY start_date, name, conference_id""",
                (row, n) -> new ConferenceSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getDate(6).toLocalDate(),
                        row.getDate(7).toLocalDate(), row.getLong(8))));
    }

    public Optional<ConferenceDetails> publishedBySlug(Tables tables, String slug) {
        return reads.read(() -> tables.queryOne("""
                        SELECT conference_id, slug, name, description, location, tagline, twitter_search, start_date,
                               end_date, version
                        FROM {g}.conferences WHERE slug = ? AND published ORDER BY conference_id LIMIT 1""",
                (row, n) -> {
                    UUID id = row.getObject(1, UUID.class);
                    return new ConferenceDetails(id, row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getDate(8).toLocalDate(),
                            row.getDate(9).toLocalDate(), seatTypes(tables, id), row.getLong(10),
                            GenerationSchema.appliedVersion(tables, StreamType.SEATS_AVAILABILITY, id));
                }, slug));
    }

    private static List<ConferenceDetails.SeatType> seatTypes(Tables tables, UUID conferenceId) {
        return tables.query("""
                SELECT s.seat_type_id, s.name, s.description, s.price, s.currency, s.quantity,
                       coalesce(a.available, 0),
                       EXISTS (SELECT 1 FROM {g}.waitlist_entries w
                               WHERE w.conference_id = s.conference_id AND w.seat_type_id = s.seat_type_id)
                FROM {g}.seat_types s
                LEFT JOIN {g}.seat_availability a ON a.conference_id = s.conference_id AND a.seat_type_id = s.seat_type_id
                WHERE s.conference_id = ? ORDER BY s.name, s.seat_type_id""",
                (row, n) -> new ConferenceDetails.SeatType(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), new ConferenceDetails.Price(row.getBigDecimal(4), row.getString(5)),
                        row.getInt(6), row.getInt(7), row.getBoolean(8)), conferenceId);
    }
}
