package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The completed payments of a conference's orders, read from what {@link PaymentProjection} keeps. */
@Component
public class PaymentQueries {

    /** @param orderId the order paid (the payment's source) */
    public record Payment(UUID paymentId, UUID orderId, Money amount, Instant completedAt) {
    }

    private final JdbcTemplate jdbc;

    public PaymentQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The conference's payments, oldest first. */
    public List<Payment> paymentsOf(UUID conferenceId) {
        return jdbc.query("""
                SELECT payment_id, order_id, amount, currency, completed_at FROM payments
                WHERE conference_id = ? ORDER BY completed_at, payment_id""",
                (rs, i) -> new Payment(rs.getObject("payment_id", UUID.class), rs.getObject("order_id", UUID.class),
                        new Money(rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("currency")),
                        rs.getTimestamp("completed_at").toInstant()),
                conferenceId);
    }
}
