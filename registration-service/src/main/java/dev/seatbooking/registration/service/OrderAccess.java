package dev.seatbooking.registration.service;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code order_access}: each order's access code and registrant email, written in the transaction of the
 * events that set them, so a registrant can find an order with email + access code (the record locator).
 */
@Component
public class OrderAccess {

    private final JdbcTemplate jdbc;

    public OrderAccess(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void placed(UUID orderId, String accessCode) {
        jdbc.update("INSERT INTO order_access (order_id, access_code) VALUES (?, ?) ON CONFLICT DO NOTHING",
                orderId, accessCode);
    }

    void registrantAssigned(UUID orderId, String email) {
        jdbc.update("UPDATE order_access SET email = ? WHERE order_id = ?", email, orderId);
    }

    /** The order's access code, or empty if no such order was placed. */
    public Optional<String> accessCodeOf(UUID orderId) {
        return jdbc.queryForList("SELECT access_code FROM order_access WHERE order_id = ?", String.class, orderId)
                .stream().findFirst();
    }

    /** The order whose registrant has this email (any case) and whose access code this is. */
    public Optional<UUID> find(String email, String accessCode) {
        return jdbc.queryForList("""
                        SELECT order_id FROM order_access WHERE lower(email) = lower(?) AND access_code = ?""",
                UUID.class, email, accessCode).stream().findFirst();
    }
}
