package dev.seatbooking.launcher.processes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orders of one conference as registration's event store tells them (the source of truth, read with SQL, not
 * through any service): each order's state folded from its events, the seats it holds, how many OrderConfirmed it
 * has. What the fault suite counts as lost, stuck, oversold and double-confirmed is counted here.
 */
record OrderLedger(Map<UUID, Order> orders) {

    enum State {
        PENDING, PARTIALLY_RESERVED, RESERVATION_COMPLETED, EXPIRED, CONFIRMED;

        boolean isFinal() {
            return this == EXPIRED || this == CONFIRMED;
        }

        boolean holdsSeats() {
            return this == PARTIALLY_RESERVED || this == RESERVATION_COMPLETED || this == CONFIRMED;
        }
    }

    /** One order: its state, when it was placed, the seats (per seat type) it holds, its OrderConfirmed events. */
    record Order(UUID id, State state, Instant placedAt, Map<UUID, Integer> seats, int confirmations) {

        Order to(State next, Map<UUID, Integer> held) {
            return new Order(id, next, placedAt, held, confirmations);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = """
            SELECT stream_id, event_type, payload::text, recorded_at FROM events
            WHERE stream_id IN (SELECT stream_id FROM events WHERE event_type = 'registration.OrderPlaced'
                                AND payload->>'conferenceId' = ?)
            ORDER BY stream_id, version""";

    static OrderLedger read(ProcessPlatform platform, UUID conferenceId) throws Exception {
        return read(platform.jdbcUrl("registration"), platform.postgresUser(), platform.postgresPassword(),
                conferenceId);
    }

    /** From registration's database at this JDBC URL (e.g. the one-JVM launcher's embedded PostgreSQL). */
    static OrderLedger read(String registrationJdbcUrl, String user, String password, UUID conferenceId)
            throws Exception {
        Map<UUID, Order> orders = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(registrationJdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement(EVENTS)) {
            query.setString(1, conferenceId.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    orders.put(id, apply(orders.get(id), id, rows.getString(2), JSON.readTree(rows.getString(3)),
                            rows.getTimestamp(4).toInstant()));
                }
            }
        }
        return new OrderLedger(orders);
    }

    private static Order apply(Order order, UUID id, String type, JsonNode payload, Instant at) {
        return switch (type) {
            case "registration.OrderPlaced" -> new Order(id, State.PENDING, at, Map.of(), 0);
            case "registration.OrderUpdated" -> order.to(State.PENDING, Map.of());
            case "registration.OrderPartiallyReserved" -> order.to(State.PARTIALLY_RESERVED, seats(payload));
            case "registration.OrderReservationCompleted" -> order.to(State.RESERVATION_COMPLETED, seats(payload));
            case "registration.OrderExpired" -> order.to(State.EXPIRED, Map.of());
            case "registration.OrderConfirmed" -> new Order(id, State.CONFIRMED, order.placedAt(), order.seats(),
                    order.confirmations() + 1);
            default -> order;
        };
    }

    private static Map<UUID, Integer> seats(JsonNode payload) {
        Map<UUID, Integer> seats = new HashMap<>();
        for (JsonNode line : payload.get("seats")) {
            seats.merge(UUID.fromString(line.get("seatTypeId").asString()), line.get("quantity").asInt(), Integer::sum);
        }
        return seats;
    }

    /** Accepted by the platform (a 2xx to its placement) and yet without an OrderPlaced. */
    long lost(Collection<UUID> accepted) {
        return accepted.stream().filter(id -> !orders.containsKey(id)).count();
    }

    /** Not final although placed longer ago than its hold, the expiry buffer and a grace for the faults' outages. */
    long stuck(Duration limit, Instant now) {
        return orders.values().stream()
                .filter(order -> !order.state().isFinal() && order.placedAt().plus(limit).isBefore(now)).count();
    }

    long nonFinal() {
        return orders.values().stream().filter(order -> !order.state().isFinal()).count();
    }

    /** Seats held or sold beyond the seat type's quantity. */
    long oversold(UUID seatTypeId, int quantity) {
        long held = orders.values().stream().filter(order -> order.state().holdsSeats())
                .mapToLong(order -> order.seats().getOrDefault(seatTypeId, 0)).sum();
        return Math.max(0, held - quantity);
    }

    /** The confirmed orders' ids. */
    List<UUID> confirmed() {
        return orders.values().stream().filter(order -> order.state() == State.CONFIRMED).map(Order::id).toList();
    }

    /** Orders with more than one OrderConfirmed. */
    long doubleConfirmed() {
        return orders.values().stream().filter(order -> order.confirmations() > 1).count();
    }

    /** Paid at the processor and yet neither confirmed nor expired (an expired one's money is due back). */
    long paidNotConfirmed(Collection<UUID> paid) {
        return paid.stream().map(orders::get)
                .filter(order -> order == null || order.state() != State.CONFIRMED && order.state() != State.EXPIRED)
                .count();
    }

    /** Paid at the processor after the order had expired: not confirmed, payments owes the money back. */
    long paidButExpired(Collection<UUID> paid) {
        return paid.stream().map(orders::get)
                .filter(order -> order != null && order.state() == State.EXPIRED).count();
    }
}
