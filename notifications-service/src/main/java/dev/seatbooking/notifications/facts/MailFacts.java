package dev.seatbooking.notifications.facts;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mails say, kept from the events in this service's own tables: an order's access code, lines, discounts
 * and total; the conferences' and seat types' names; who an order or waitlist entry belongs to.
 */
@Component
public class MailFacts {

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public MailFacts(DataSource dataSource, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    public void placed(UUID orderId, UUID conferenceId, String accessCode) {
        jdbc.update("""
                INSERT INTO orders (order_id, conference_id, access_code) VALUES (?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET conference_id = EXCLUDED.conference_id,
                    access_code = EXCLUDED.access_code, updated_at = now()""", orderId, conferenceId, accessCode);
    }

    /** The latest totals are the order's: registration recalculates them whenever the seats change. */
    public void priced(UUID orderId, Money total, List<OrderLine> lines, List<DiscountLine> discounts) {
        List<Map<String, Object>> lineRows = lines.stream().map(line -> row(
                "description", line.description(), "quantity", line.quantity(),
                "unitPrice", line.unitPrice().amount().toPlainString(), "total", line.lineTotal().amount().toPlainString(),
                "currency", line.lineTotal().currency())).toList();
        List<Map<String, Object>> discountRows = discounts.stream().map(discount -> row(
                "code", discount.code(), "amount", discount.amount().amount().toPlainString(),
                "currency", discount.amount().currency())).toList();
        jdbc.update("""
                INSERT INTO orders (order_id, total_amount, total_currency, lines, discounts) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (order_id) DO UPDATE SET total_amount = EXCLUDED.total_amount,
                    total_currency = EXCLUDED.total_currency, lines = EXCLUDED.lines, discounts = EXCLUDED.discounts,
                    updated_at = now()""",
                orderId, total.amount(), total.currency(), json.writeValueAsString(lineRows),
                json.writeValueAsString(discountRows));
    }

    /** The order a refund gives money back for, and why (RefundRequested; RefundCompleted names only the payment). */
    public record RefundedOrder(UUID orderId, String reason) {
    }

    public void refund(UUID refundId, UUID orderId, String reason) {
        jdbc.update("INSERT INTO refunds (refund_id, order_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                refundId, orderId, reason);
    }

    public Optional<RefundedOrder> refundedOrder(UUID refundId) {
        return jdbc.query("SELECT order_id, reason FROM refunds WHERE refund_id = ?",
                (rs, n) -> new RefundedOrder(rs.getObject(1, UUID.class), rs.getString(2)), refundId).stream().findFirst();
    }

    /** The attendee in a seat, by email (a new email is a new person), and the seat's type. */
    public record SeatHolder(UUID orderId, UUID seatTypeId, String email) {
    }

    public void seatTaken(UUID seatAssignmentsId, int position, UUID orderId, UUID seatTypeId, String email) {
        jdbc.update("""
                INSERT INTO seat_attendees (seat_assignments_id, position, order_id, seat_type_id, email)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (seat_assignments_id, position) DO UPDATE SET seat_type_id = EXCLUDED.seat_type_id,
                    email = EXCLUDED.email""", seatAssignmentsId, position, orderId, seatTypeId, email);
    }

    public Optional<SeatHolder> seatHolder(UUID seatAssignmentsId, int position) {
        return jdbc.query("""
                SELECT order_id, seat_type_id, email FROM seat_attendees
                WHERE seat_assignments_id = ? AND position = ?""",
                (rs, n) -> new SeatHolder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                seatAssignmentsId, position).stream().findFirst();
    }

    public void seatFreed(UUID seatAssignmentsId, int position) {
        jdbc.update("DELETE FROM seat_attendees WHERE seat_assignments_id = ? AND position = ?", seatAssignmentsId,
                position);
    }

    /** The name of whoever an order's or entry's mails go to, if known. */
    public Optional<String> contactName(UUID addressKey) {
        return jdbc.queryForList("SELECT name FROM contacts WHERE address_key = ?", String.class, addressKey)
                .stream().findFirst();
    }

    public void contact(UUID addressKey, String name, String email) {
        jdbc.update("""
                INSERT INTO contacts (address_key, name, email) VALUES (?, ?, ?)
                ON CONFLICT (address_key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email""",
                addressKey, name, email);
    }

    public void conference(UUID conferenceId, String name) {
        jdbc.update("""
                INSERT INTO conferences (conference_id, name) VALUES (?, ?)
                ON CONFLICT (conference_id) DO UPDATE SET name = EXCLUDED.name""", conferenceId, name);
    }

    public void seatType(UUID conferenceId, UUID seatTypeId, String name) {
        jdbc.update("""
                INSERT INTO seat_types (seat_type_id, conference_id, name) VALUES (?, ?, ?)
                ON CONFLICT (seat_type_id) DO UPDATE SET name = EXCLUDED.name""", seatTypeId, conferenceId, name);
    }

    /** What an order's mails show: its id, conference, access code, lines, discounts and total (as known). */
    public Map<String, Object> order(UUID orderId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("orderId", orderId.toString());
        jdbc.query("""
                SELECT o.access_code, o.total_amount, o.total_currency, o.lines::text, o.discounts::text, c.name
                FROM orders o LEFT JOIN conferences c ON c.conference_id = o.conference_id WHERE o.order_id = ?""",
                rs -> {
                    model.put("accessCode", rs.getString(1));
                    model.put("total", rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).toPlainString());
                    model.put("currency", rs.getString(3));
                    model.put("lines", rs.getString(4) == null ? List.of() : json.readValue(rs.getString(4), ROWS));
                    model.put("discounts", rs.getString(5) == null ? List.of() : json.readValue(rs.getString(5), ROWS));
                    model.put("conference", rs.getString(6));
                }, orderId);
        return model;
    }

    public Optional<String> conferenceName(UUID conferenceId) {
        return jdbc.queryForList("SELECT name FROM conferences WHERE conference_id = ?", String.class, conferenceId)
                .stream().findFirst();
    }

    /** "3 × Full conference" (the seat type's name if known). */
    public String seats(SeatQuantity seats) {
        return seats.quantity() + " × " + seatTypeName(seats.seatTypeId()).orElse("seat");
    }

    public Optional<String> seatTypeName(UUID seatTypeId) {
        return jdbc.queryForList("SELECT name FROM seat_types WHERE seat_type_id = ?", String.class, seatTypeId)
                .stream().findFirst();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return row;
    }
}
