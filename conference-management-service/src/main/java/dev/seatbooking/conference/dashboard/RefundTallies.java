package dev.seatbooking.conference.dashboard;

import dev.seatbooking.conference.dashboard.Dashboard.RefundStanding;
import dev.seatbooking.conference.dashboard.Dashboard.RefundTally;
import dev.seatbooking.conference.dashboard.Dashboard.Refunds;
import dev.seatbooking.contracts.payments.RefundReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's refunds: the rows the refunds package's projection keeps of payments' refund events ({@code refunds}),
 * counted and added up per standing and per reason. Read here rather than through RefundQueries: the refunds package
 * knows the orders, whose projections feed the dashboard (no cycle between features).
 */
@Component
class RefundTallies {

    private record Tally(int refunds, BigDecimal amount) {
        Tally plus(Tally other) {
            return new Tally(refunds + other.refunds, amount.add(other.amount));
        }
    }

    private final JdbcTemplate jdbc;

    RefundTallies(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Amounts are added whatever their currency: a conference sells (and so refunds) in one. */
    Refunds of(UUID conferenceId) {
        Map<RefundStanding, Tally> byState = new EnumMap<>(RefundStanding.class);
        Map<String, Tally> byReason = new HashMap<>();
        jdbc.query("""
                SELECT state, will_retry, reason, count(*) AS refunds, sum(amount) AS amount
                FROM refunds WHERE conference_id = ? GROUP BY state, will_retry, reason""", rs -> {
            Tally tally = new Tally(rs.getInt("refunds"), rs.getBigDecimal("amount"));
            byState.merge(RefundStanding.of(rs.getString("state"), rs.getBoolean("will_retry")), tally, Tally::plus);
            if (rs.getString("reason") != null) byReason.merge(rs.getString("reason"), tally, Tally::plus);
        }, conferenceId);
        return new Refunds(
                Arrays.stream(RefundStanding.values()).map(s -> tally(s.name(), byState.get(s))).toList(),
                Arrays.stream(RefundReason.values()).map(r -> tally(r.name(), byReason.get(r.name()))).toList());
    }

    private static RefundTally tally(String name, Tally tally) {
        if (tally == null || tally.amount().signum() == 0) {
            return new RefundTally(name, tally == null ? 0 : tally.refunds(), BigDecimal.ZERO);
        }
        return new RefundTally(name, tally.refunds(), tally.amount().stripTrailingZeros());
    }
}
