package dev.seatbooking.conference.waitlist;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.contracts.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The owner's waitlist view, read from what {@link WaitlistProjection} keeps. */
@Component
public class WaitlistQueries {

    /**
     * One seat type's waitlist.
     *
     * @param people       entries on the list: waiting, or holding an open offer
     * @param seatsWanted  seats those entries still wait for (not offered yet)
     * @param seatsOffered seats held in their open offers
     * @param revenue      what all their seats (wanted and offered) sell for at the seat type's current price
     */
    public record SeatTypeWaitlist(UUID seatTypeId, String name, int people, int seatsWanted, int seatsOffered,
                                   Money revenue) {
    }

    private record Counts(int people, int seatsWanted, int seatsOffered) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final JdbcTemplate jdbc;

    public WaitlistQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every seat type of the conference, in its order, with zeros where nobody waits. */
    public List<SeatTypeWaitlist> of(Conference conference) {
        Map<UUID, Counts> counts = countsOf(conference.id());
        return conference.seatTypes().stream().map(seatType -> waitlist(seatType,
                counts.getOrDefault(seatType.id(), Counts.NONE))).toList();
    }

    private static SeatTypeWaitlist waitlist(SeatType seatType, Counts counts) {
        return new SeatTypeWaitlist(seatType.id(), seatType.name(), counts.people(), counts.seatsWanted(),
                counts.seatsOffered(), seatType.price().times(counts.seatsWanted() + counts.seatsOffered()));
    }

    private Map<UUID, Counts> countsOf(UUID conferenceId) {
        Map<UUID, Counts> counts = new HashMap<>();
        jdbc.query("""
                SELECT seat_type_id, count(*) AS people, sum(greatest(wanted - offered, 0)) AS seats_wanted,
                       sum(offered) AS seats_offered
                FROM waitlist_entries WHERE conference_id = ? AND ended IS NULL
                GROUP BY seat_type_id""",
                rs -> {
                    counts.put(rs.getObject("seat_type_id", UUID.class), new Counts(rs.getInt("people"),
                            rs.getInt("seats_wanted"), rs.getInt("seats_offered")));
                }, conferenceId);
        return counts;
    }
}
