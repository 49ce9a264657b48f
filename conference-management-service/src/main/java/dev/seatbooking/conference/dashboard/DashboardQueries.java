package dev.seatbooking.conference.dashboard;

import dev.seatbooking.conference.dashboard.Dashboard.CodeDiscounts;
import dev.seatbooking.conference.dashboard.Dashboard.OrderCounts;
import dev.seatbooking.conference.dashboard.Dashboard.Period;
import dev.seatbooking.conference.dashboard.Dashboard.SeatTypeSeats;
import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.waitlist.WaitlistQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The owner's dashboard, read from the projections of registration's events ({@link SeatsProjection}, the orders, code
 * uses and waitlist projections) and of payments' refund events ({@link RefundTallies}) only: no call to another service,
 * no read of the event store.
 */
@Component
public class DashboardQueries {

    private record Seats(int sold, int held, int offered, int available, int owed) {
        static final Seats NONE = new Seats(0, 0, 0, 0, 0);
    }

    private final JdbcTemplate jdbc;
    private final WaitlistQueries waitlists;
    private final RefundTallies refunds;

    public DashboardQueries(DataSource dataSource, WaitlistQueries waitlists, RefundTallies refunds) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.waitlists = waitlists;
        this.refunds = refunds;
    }

    /** One snapshot (repeatable read): the sections agree with each other even while events arrive. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard of(Conference conference, Bucket bucket) {
        UUID id = conference.id();
        OrderCounts orders = ordersByStatus(id);
        return new Dashboard(currencyOf(conference), seats(conference), orders, bucket, overTime(id, bucket),
                codes(id), waitlists.of(conference), orders.cancelled(), refunds.of(id));
    }

    private List<SeatTypeSeats> seats(Conference conference) {
        Map<UUID, Seats> seats = new HashMap<>();
        jdbc.query("""
                SELECT t.seat_type_id,
                       coalesce(sum(h.quantity) FILTER (WHERE h.state = 'SOLD'), 0) AS sold,
                       coalesce(sum(h.quantity) FILTER (WHERE h.state = 'HELD'), 0) AS held,
                       coalesce(sum(h.quantity) FILTER (WHERE h.state = 'OFFERED'), 0) AS offered,
                       coalesce(max(a.available), 0) AS available, coalesce(max(a.owed), 0) AS owed
                FROM (SELECT seat_type_id FROM dashboard_seat_availability WHERE conference_id = ?
                      UNION SELECT seat_type_id FROM dashboard_seat_holds WHERE conference_id = ?) t
                LEFT JOIN dashboard_seat_holds h ON h.conference_id = ? AND h.seat_type_id = t.seat_type_id
                LEFT JOIN dashboard_seat_availability a ON a.conference_id = ? AND a.seat_type_id = t.seat_type_id
                GROUP BY t.seat_type_id""", rs -> {
            seats.put(rs.getObject("seat_type_id", UUID.class), new Seats(rs.getInt("sold"), rs.getInt("held"),
                    rs.getInt("offered"), rs.getInt("available"), rs.getInt("owed")));
        }, conference.id(), conference.id(), conference.id(), conference.id());
        return conference.seatTypes().stream().map(type -> seatsOf(type, seats.getOrDefault(type.id(), Seats.NONE)))
                .toList();
    }

    private static SeatTypeSeats seatsOf(SeatType type, Seats s) {
        return new SeatTypeSeats(type.id(), type.name(), type.quantity(), s.sold(), s.held(), s.offered(),
                s.available(), s.owed());
    }

    private OrderCounts ordersByStatus(UUID conferenceId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT status, count(*) AS orders FROM orders WHERE conference_id = ? GROUP BY status",
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("orders"));
                }, conferenceId);
        return new OrderCounts(counts.getOrDefault("PENDING", 0), counts.getOrDefault("CONFIRMED", 0),
                counts.getOrDefault("EXPIRED", 0), counts.getOrDefault("CANCELLED", 0));
    }

    /** Periods in UTC; an order's total counts when it was confirmed, and again (as cancelled) when it was cancelled. */
    private List<Period> overTime(UUID conferenceId, Bucket bucket) {
        return jdbc.query("""
                WITH moments AS (
                    SELECT placed_at AS at, 1 AS placed, 0 AS confirmed, 0 AS cancelled, 0 AS revenue,
                           0 AS cancelled_revenue
                    FROM orders WHERE conference_id = ? AND placed_at IS NOT NULL
                    UNION ALL
                    SELECT confirmed_at, 0, 1, 0, coalesce(total_amount, 0), 0
                    FROM orders WHERE conference_id = ? AND confirmed_at IS NOT NULL
                    UNION ALL
                    SELECT cancelled_at, 0, 0, 1, 0, coalesce(total_amount, 0)
                    FROM orders WHERE conference_id = ? AND cancelled_at IS NOT NULL)
                SELECT date_trunc(?, at AT TIME ZONE 'UTC') AS start, sum(placed) AS placed, sum(confirmed) AS confirmed,
                       sum(cancelled) AS cancelled, sum(revenue) AS revenue, sum(cancelled_revenue) AS cancelled_revenue
                FROM moments GROUP BY 1 ORDER BY 1""",
                (rs, row) -> new Period(rs.getObject("start", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getInt("placed"), rs.getInt("confirmed"), rs.getInt("cancelled"),
                        amount(rs.getBigDecimal("revenue")), amount(rs.getBigDecimal("cancelled_revenue"))),
                conferenceId, conferenceId, conferenceId, bucket.field());
    }

    private List<CodeDiscounts> codes(UUID conferenceId) {
        return jdbc.query("""
                SELECT c.id, c.code, coalesce(u.held, 0) AS held, coalesce(u.used, 0) AS used,
                       count(DISTINCT d.order_id) AS orders, coalesce(sum(d.amount), 0) AS discount
                FROM promotional_codes c
                LEFT JOIN promotional_code_uses u ON u.code_id = c.id
                LEFT JOIN (order_discounts d JOIN orders o ON o.order_id = d.order_id AND o.status = 'CONFIRMED')
                       ON d.code_id = c.id
                WHERE c.conference_id = ?
                GROUP BY c.id, c.code, u.held, u.used
                ORDER BY c.code""",
                (rs, row) -> new CodeDiscounts(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("held"),
                        rs.getInt("used"), rs.getInt("orders"), amount(rs.getBigDecimal("discount"))),
                conferenceId);
    }

    private String currencyOf(Conference conference) {
        return conference.seatTypes().stream().map(type -> type.price().currency()).findFirst()
                .orElseGet(() -> jdbc.query("""
                        SELECT total_currency FROM orders WHERE conference_id = ? AND total_currency IS NOT NULL
                        LIMIT 1""", (rs, row) -> rs.getString(1), conference.id()).stream().findFirst().orElse(null));
    }

    private static BigDecimal amount(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }
}
