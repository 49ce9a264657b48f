package dev.seatbooking.readmodel.orderseats;

import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.Tables;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class OrderSeatsQueries {

    private final ReadTransactions reads;

    public OrderSeatsQueries(ReadTransactions reads) {
        this.reads = reads;
    }

    public Optional<OrderSeats> findByOrder(Tables tables, UUID orderId) {
        return reads.read(() -> tables.queryOne("""
                SELECT seat_assignments_id, version FROM {g}.seat_assignments WHERE order_id = ?
                ORDER BY seat_assignments_id LIMIT 1""", (row, n) -> {
            UUID id = row.getObject(1, UUID.class);
            return new OrderSeats(orderId, id, seats(tables, id), row.getLong(2));
        }, orderId));
    }

    private static List<OrderSeats.Seat> seats(Tables tables, UUID seatAssignmentsId) {
        return tables.query("""
                SELECT s.position, s.seat_type_id, n.name, s.attendee_first_name, s.attendee_last_name, s.attendee_email
                FROM {g}.order_seats s LEFT JOIN {g}.seat_type_names n ON n.seat_type_id = s.seat_type_id
                WHERE s.seat_assignments_id = ? ORDER BY s.position""", (row, n) -> {
            String email = row.getString(6);
            return new OrderSeats.Seat(row.getInt(1), row.getObject(2, UUID.class), row.getString(3),
                    email == null ? null : new OrderSeats.Attendee(row.getString(4), row.getString(5), email));
        }, seatAssignmentsId);
    }
}
