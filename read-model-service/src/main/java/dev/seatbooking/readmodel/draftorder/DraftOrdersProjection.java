package dev.seatbooking.readmodel.draftorder;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.readmodel.access.OrderAccessCodes;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionDescriptor;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The registrant's view of an order while it is being placed (the book's DraftOrder, OrderViewModelGenerator):
 * its state, the seats asked for beside the seats actually reserved, when the reservation runs out (the
 * countdown), the registrant, and the order stream's version. The order's access code is kept only as a hash
 * ({@link OrderAccessCodes}), which guards every read of the order.
 */
public final class DraftOrdersProjection implements Projection {

    public static final String NAME = "draft-orders";

    // 2: the access code is kept as a hash in order_access, no longer in draft_orders.
    private static final ProjectionDescriptor DESCRIPTOR = new ProjectionDescriptor(NAME, 2,
            Set.of(StreamType.ORDER), StreamType.ORDER);

    @Override
    public ProjectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> ddl() {
        return List.of("""
                CREATE TABLE {g}.draft_orders (
                    order_id               uuid        PRIMARY KEY,
                    conference_id          uuid        NOT NULL,
                    state                  text        NOT NULL,
                    reservation_expiration timestamptz,
                    registrant_first_name  text,
                    registrant_last_name   text,
                    registrant_email       text,
                    version                bigint      NOT NULL)""",
                "CREATE INDEX ON {g}.draft_orders (lower(registrant_email))",
                OrderAccessCodes.DDL,
                """
                CREATE TABLE {g}.draft_order_lines (
                    order_id     uuid NOT NULL,
                    seat_type_id uuid NOT NULL,
                    requested    int  NOT NULL,
                    reserved     int  NOT NULL,
                    PRIMARY KEY (order_id, seat_type_id))""");
    }

    private static final String PLACE = """
            INSERT INTO {g}.draft_orders (order_id, conference_id, state, reservation_expiration, version)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET conference_id = EXCLUDED.conference_id, state = EXCLUDED.state,
                reservation_expiration = EXCLUDED.reservation_expiration, version = EXCLUDED.version""";
    private static final String STATE = "UPDATE {g}.draft_orders SET state = ?, version = ? WHERE order_id = ?";
    private static final String RESERVED = """
            UPDATE {g}.draft_orders SET state = ?, reservation_expiration = ?, version = ? WHERE order_id = ?""";
    private static final String REGISTRANT = """
            UPDATE {g}.draft_orders SET registrant_first_name = ?, registrant_last_name = ?, registrant_email = ?,
                version = ? WHERE order_id = ?""";
    private static final String VERSION = "UPDATE {g}.draft_orders SET version = ? WHERE order_id = ?";
    private static final String DELETE_LINES = "DELETE FROM {g}.draft_order_lines WHERE order_id = ?";
    private static final String REQUEST_LINE = """
            INSERT INTO {g}.draft_order_lines (order_id, seat_type_id, requested, reserved) VALUES (?, ?, ?, 0)
            ON CONFLICT (order_id, seat_type_id) DO UPDATE SET requested = EXCLUDED.requested, reserved = 0""";
    private static final String NOTHING_RESERVED = "UPDATE {g}.draft_order_lines SET reserved = 0 WHERE order_id = ?";
    private static final String RESERVE_LINE = """
            INSERT INTO {g}.draft_order_lines (order_id, seat_type_id, requested, reserved) VALUES (?, ?, 0, ?)
            ON CONFLICT (order_id, seat_type_id) DO UPDATE SET reserved = EXCLUDED.reserved""";

    @Override
    public void apply(Envelope event, Tables tables) {
        if (!(event.payload() instanceof OrderEvent order)) return;
        long version = event.aggregateVersion();
        switch (order) {
            case OrderPlaced p -> {
                tables.update(PLACE, p.orderId(), p.conferenceId(), DraftOrderState.PENDING_RESERVATION.name(),
                        timestamp(p.reservationAutoExpiration()), version);
                OrderAccessCodes.placed(tables, p);
                requestSeats(tables, p.orderId(), p.seats());
            }
            case OrderUpdated u -> {
                tables.update(STATE, DraftOrderState.PENDING_RESERVATION.name(), version, u.orderId());
                requestSeats(tables, u.orderId(), u.seats());
            }
            case OrderPartiallyReserved r -> {
                tables.update(RESERVED, DraftOrderState.PARTIALLY_RESERVED.name(), timestamp(r.reservationExpiration()),
                        version, r.orderId());
                reserveSeats(tables, r.orderId(), r.seats());
            }
            case OrderReservationCompleted r -> {
                tables.update(RESERVED, DraftOrderState.RESERVATION_COMPLETED.name(),
                        timestamp(r.reservationExpiration()), version, r.orderId());
                reserveSeats(tables, r.orderId(), r.seats());
            }
            case OrderExpired e -> {
                // Its seats went back on sale.
                tables.update(STATE, DraftOrderState.EXPIRED.name(), version, e.orderId());
                tables.update(NOTHING_RESERVED, e.orderId());
            }
            case OrderConfirmed c -> tables.update(STATE, DraftOrderState.CONFIRMED.name(), version, c.orderId());
            case OrderRegistrantAssigned r -> tables.update(REGISTRANT, r.firstName(), r.lastName(), r.email(),
                    version, r.orderId());
            case OrderTotalsCalculated t -> tables.update(VERSION, version, t.orderId());
            case PromotionalCodeApplied a -> tables.update(VERSION, version, a.orderId());
            case PromotionalCodeRemoved r -> tables.update(VERSION, version, r.orderId());
            // Issue 16: the registrant's pages show the order cancelled (its seats as they were bought).
            case OrderCancelled c -> tables.update(STATE, DraftOrderState.CANCELLED.name(), version, c.orderId());
        }
    }

    /** The seats asked for replace the previous request; nothing is reserved until the reservation answers. */
    private static void requestSeats(Tables tables, UUID orderId, List<SeatQuantity> seats) {
        tables.update(DELETE_LINES, orderId);
        List<Object[]> rows = new ArrayList<>(seats.size());
        for (SeatQuantity seat : seats) rows.add(new Object[]{orderId, seat.seatTypeId(), seat.quantity()});
        tables.batchUpdate(REQUEST_LINE, rows);
    }

    /** {@code seats} is everything the reservation now holds: seat types it leaves out hold nothing. */
    private static void reserveSeats(Tables tables, UUID orderId, List<SeatQuantity> seats) {
        tables.update(NOTHING_RESERVED, orderId);
        List<Object[]> rows = new ArrayList<>(seats.size());
        for (SeatQuantity seat : seats) rows.add(new Object[]{orderId, seat.seatTypeId(), seat.quantity()});
        tables.batchUpdate(RESERVE_LINE, rows);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
