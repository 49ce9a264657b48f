package dev.seatbooking.conference.orders;

import dev.seatbooking.conference.domain.SoldSeats;
import dev.seatbooking.contracts.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The owners' lists, read from what {@link OrderProjection} keeps. */
@Component
public class OrderQueries implements SoldSeats {

    public enum Status { PENDING, CONFIRMED, EXPIRED, CANCELLED }

    /**
     * @param registrant null until the registrant gave their details; total null until priced (after discounts)
     * @param discounts  what promotional codes took off its lines, in the order taken; none without codes
     */
    public record Order(UUID orderId, Status status, Registrant registrant, List<Line> lines, Money total,
                        List<Discount> discounts, Instant placedAt) {
    }

    public record Registrant(String firstName, String lastName, String email) {
    }

    public record Line(UUID seatTypeId, String description, int quantity, Money unitPrice, Money lineTotal) {
    }

    /** What one promotional code took off one line of an order (the order's latest totals). */
    public record Discount(String code, UUID seatTypeId, Money amount) {
    }

    public record Attendee(UUID orderId, int position, UUID seatTypeId, String seatTypeName, String firstName,
                           String lastName, String email) {
    }

    private final JdbcTemplate jdbc;

    public OrderQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The conference's orders, oldest first. */
    public List<Order> ordersOf(UUID conferenceId) {
        Map<UUID, List<Line>> lines = new HashMap<>();
        jdbc.query("""
                SELECT l.order_id, l.seat_type_id, l.description, l.quantity, l.unit_price, l.line_total, l.currency
                FROM order_lines l JOIN orders o ON o.order_id = l.order_id
                WHERE o.conference_id = ?
                ORDER BY l.description, l.seat_type_id""", rs -> {
            String currency = rs.getString("currency");
            lines.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>()).add(new Line(
                    rs.getObject("seat_type_id", UUID.class), rs.getString("description"), rs.getInt("quantity"),
                    money(rs.getBigDecimal("unit_price"), currency), money(rs.getBigDecimal("line_total"), currency)));
        }, conferenceId);
        Map<UUID, List<Discount>> discounts = discountsOf(conferenceId);
        Map<UUID, Order> orders = new LinkedHashMap<>();
        jdbc.query("""
                SELECT order_id, status, registrant_first_name, registrant_last_name, registrant_email,
                       total_amount, total_currency, placed_at
                FROM orders WHERE conference_id = ?
                ORDER BY placed_at, order_id""", rs -> {
            UUID id = rs.getObject("order_id", UUID.class);
            String email = rs.getString("registrant_email");
            BigDecimal total = rs.getBigDecimal("total_amount");
            Timestamp placedAt = rs.getTimestamp("placed_at");
            orders.put(id, new Order(id, Status.valueOf(rs.getString("status")),
                    email == null ? null : new Registrant(rs.getString("registrant_first_name"),
                            rs.getString("registrant_last_name"), email),
                    List.copyOf(lines.getOrDefault(id, List.of())),
                    total == null ? null : money(total, rs.getString("total_currency")),
                    List.copyOf(discounts.getOrDefault(id, List.of())),
                    placedAt == null ? null : placedAt.toInstant()));
        }, conferenceId);
        return List.copyOf(orders.values());
    }

    /** The conference's seats that have an attendee, by order then position. */
    public List<Attendee> attendeesOf(UUID conferenceId) {
        return jdbc.query("""
                SELECT s.order_id, s.position, s.seat_type_id, t.name AS seat_type_name,
                       s.attendee_first_name, s.attendee_last_name, s.attendee_email
                FROM order_seats s
                JOIN orders o ON o.order_id = s.order_id
                LEFT JOIN seat_types t ON t.id = s.seat_type_id
                WHERE o.conference_id = ? AND s.attendee_email IS NOT NULL
                ORDER BY o.placed_at, s.order_id, s.position""",
                (rs, i) -> new Attendee(rs.getObject("order_id", UUID.class), rs.getInt("position"),
                        rs.getObject("seat_type_id", UUID.class), rs.getString("seat_type_name"),
                        rs.getString("attendee_first_name"), rs.getString("attendee_last_name"),
                        rs.getString("attendee_email")),
                conferenceId);
    }

    /** The discounts of the conference's orders that have any, by order id, in the order they were taken. */
    private Map<UUID, List<Discount>> discountsOf(UUID conferenceId) {
        Map<UUID, List<Discount>> discounts = new HashMap<>();
        jdbc.query("""
                SELECT d.order_id, d.code, d.seat_type_id, d.amount, d.currency
                FROM order_discounts d JOIN orders o ON o.order_id = d.order_id
                WHERE o.conference_id = ?
                ORDER BY d.order_id, d.position""", rs -> {
            discounts.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>()).add(new Discount(
                    rs.getString("code"), rs.getObject("seat_type_id", UUID.class),
                    money(rs.getBigDecimal("amount"), rs.getString("currency"))));
        }, conferenceId);
        return discounts;
    }

    /** Seats of each seat type of the conference in confirmed orders (see {@link OrderProjection}). */
    public Map<UUID, Integer> soldByConference(UUID conferenceId) {
        Map<UUID, Integer> sold = new HashMap<>();
        jdbc.query("""
                SELECT l.seat_type_id, sum(l.quantity) AS sold
                FROM order_lines l JOIN orders o ON o.order_id = l.order_id
                WHERE o.conference_id = ? AND o.status = 'CONFIRMED'
                GROUP BY l.seat_type_id""",
                rs -> {
                    sold.put(rs.getObject("seat_type_id", UUID.class), rs.getInt("sold"));
                }, conferenceId);
        return sold;
    }

    @Override
    public int soldOf(UUID seatTypeId) {
        Integer sold = jdbc.queryForObject("""
                SELECT coalesce(sum(l.quantity), 0)
                FROM order_lines l JOIN orders o ON o.order_id = l.order_id
                WHERE l.seat_type_id = ? AND o.status = 'CONFIRMED'""", Integer.class, seatTypeId);
        return sold == null ? 0 : sold;
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.stripTrailingZeros(), currency);
    }
}
