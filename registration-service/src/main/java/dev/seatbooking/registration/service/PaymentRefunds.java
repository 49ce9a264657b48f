package dev.seatbooking.registration.service;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.UUID;

/** Table {@code payment_refunds}: payments the registration process could not take, to be refunded. */
@Component
public class PaymentRefunds {

    private final JdbcTemplate jdbc;

    public PaymentRefunds(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void record(UUID paymentId, UUID orderId, String reason) {
        jdbc.update("INSERT INTO payment_refunds (payment_id, order_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                paymentId, orderId, reason);
    }

    public int count(UUID orderId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM payment_refunds WHERE order_id = ?", Integer.class, orderId);
        return n == null ? 0 : n;
    }
}
