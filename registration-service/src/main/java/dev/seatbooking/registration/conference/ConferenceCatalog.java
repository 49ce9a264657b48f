package dev.seatbooking.registration.conference;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.ConferenceSeatTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of what Conference Management published (tables {@code conferences}, {@code seat_types}):
 * what an order is checked and priced against. Written only by {@link ConferenceEventHandler}.
 */
@Component
public class ConferenceCatalog {

    private static final String CONFERENCE =
            "SELECT published, reservation_hold_ms FROM conferences WHERE id = ? AND slug IS NOT NULL";
    private static final String SEAT_TYPES =
            "SELECT id, name, price, currency FROM seat_types WHERE conference_id = ? ORDER BY position";

    private final JdbcTemplate jdbc;

    public ConferenceCatalog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The conference's seat types and settings, or empty if Conference Management never announced it. */
    public Optional<ConferenceSeatTypes> find(UUID conferenceId) {
        record Row(boolean published, long holdMillis) {
        }
        Optional<Row> conference = jdbc.query(CONFERENCE, (rs, n) -> new Row(rs.getBoolean(1), rs.getLong(2)),
                conferenceId).stream().findFirst();
        return conference.map(c -> new ConferenceSeatTypes(conferenceId, c.published(),
                Duration.ofMillis(c.holdMillis()), seatTypes(conferenceId)));
    }

    /** Like {@link #find}, for a conference that must be known. */
    public ConferenceSeatTypes get(UUID conferenceId) {
        return find(conferenceId).orElseThrow(() -> new UnknownConference(conferenceId));
    }

    private List<ConferenceSeatTypes.SeatType> seatTypes(UUID conferenceId) {
        return jdbc.query(SEAT_TYPES, (rs, n) -> new ConferenceSeatTypes.SeatType(rs.getObject(1, UUID.class),
                rs.getString(2), new Money(rs.getBigDecimal(3), rs.getString(4))), conferenceId);
    }
}
