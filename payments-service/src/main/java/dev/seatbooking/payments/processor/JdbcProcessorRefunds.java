package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/** {@link ProcessorRefunds} in {@code processor_refunds}: the refund id is the key, so a repeat inserts nothing. */
@Repository
class JdbcProcessorRefunds implements ProcessorRefunds {

    private final JdbcTemplate jdbc;

    JdbcProcessorRefunds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean paidOut(UUID refundId, UUID paymentId, Money amount) {
        return jdbc.update("""
                INSERT INTO processor_refunds (refund_id, payment_id, amount, currency) VALUES (?, ?, ?, ?)
                ON CONFLICT (refund_id) DO NOTHING""", refundId, paymentId, amount.amount(), amount.currency()) > 0;
    }

    @Override
    public int timesPaidOut(UUID paymentId) {
        return jdbc.queryForObject("SELECT count(*) FROM processor_refunds WHERE payment_id = ?", Integer.class,
                paymentId);
    }
}
