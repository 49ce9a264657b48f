package dev.seatbooking.conference.orders;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Keeps the owners' lists of orders and attendees from registration's events. Runs inside the consumer's inbox
 * transaction ({@code MessageConsumers}), so a redelivered message has no second effect.
 * <p>
 * Order events share a key (the order id) and arrive in order; seat-assignment events share another (the seat
 * assignments id) and may be consumed before their order's events, so the two are kept in separate tables and
 * joined when read, and every write creates the row it needs if it is not there yet.
 * <p>
 * <b>Sold seats</b> (the floor of a seat type's quantity) are the lines of confirmed orders. The lines kept are
 * those of the order's latest {@code OrderTotalsCalculated}: registration recalculates the totals whenever the
 * seats change (order updated, or only part of it reserved), and both arrive before {@code OrderConfirmed} on
 * the order's partition, so at confirmation the lines are exactly the seats paid for. A confirmed order is never
 * changed or expired afterwards. {@code SeatAssignmentsCreated} (one position per seat) would say the same, but
 * later and on another partition, so it is not the source. What this service cannot know is an order being
 * confirmed in registration right now: an owner's shrink that races it can leave the quantity below what is sold
 * by the seats of that order; registration's seat availability, not this list, prevents selling them twice.
 */
@Component
public class OrderProjection {

    private final JdbcTemplate jdbc;

    public OrderProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void handle(IncomingMessage<Envelope> message) {
        Envelope envelope = message.payload();
        Message event = envelope.payload();
        switch (event) {
            case OrderPlaced e -> placed(e, envelope);
            case OrderTotalsCalculated e -> {
                priced(e);
                discounted(e);
            }
            case OrderRegistrantAssigned e -> {
                ensureOrder(e.orderId());
                jdbc.update("""
                        UPDATE orders SET registrant_first_name = ?, registrant_last_name = ?, registrant_email = ?,
                               updated_at = now()
                        WHERE order_id = ?""", e.firstName(), e.lastName(), e.email(), e.orderId());
            }
            case OrderConfirmed e -> {
                ensureOrder(e.orderId());
                // A cancellation is final: an OrderConfirmed seen after it (never, in stream order) does not undo it.
                // The first confirmation's instant stays (the dashboard's sales over time).
                jdbc.update("""
                        UPDATE orders SET status = 'CONFIRMED', confirmed_at = coalesce(confirmed_at, ?), updated_at = now()
                        WHERE order_id = ? AND status <> 'CANCELLED'""", Timestamp.from(envelope.occurredAt()),
                        e.orderId());
            }
            case OrderCancelled e -> {
                ensureOrder(e.orderId());
                jdbc.update("""
                        UPDATE orders SET status = 'CANCELLED', conference_id = coalesce(conference_id, ?),
                               cancelled_at = coalesce(cancelled_at, ?), updated_at = now()
                        WHERE order_id = ?""", e.conferenceId(), Timestamp.from(e.cancelledAt()), e.orderId());
            }
            case OrderExpired e -> {
                ensureOrder(e.orderId());
                // Registration never expires a confirmed order; should it say so anyway, the sale stands.
                jdbc.update("""
                        UPDATE orders SET status = 'EXPIRED', updated_at = now()
                        WHERE order_id = ? AND status <> 'CONFIRMED'""", e.orderId());
            }
            case SeatAssignmentsCreated e -> {
                for (SeatPosition seat : e.seats()) {
                    jdbc.update("""
                            INSERT INTO order_seats (order_id, position, seat_assignments_id, seat_type_id)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (order_id, position) DO UPDATE SET seat_type_id = EXCLUDED.seat_type_id""",
                            e.orderId(), seat.position(), e.seatAssignmentsId(), seat.seatTypeId());
                }
            }
            case SeatAssigned e -> assign(e.seatAssignmentsId(), e.orderId(), e.position(), e.seatTypeId(), e.attendee());
            case SeatAssignmentUpdated e -> jdbc.update("""
                    UPDATE order_seats SET attendee_first_name = ?, attendee_last_name = ?, attendee_email = ?
                    WHERE order_id = ? AND position = ?""",
                    e.attendee().firstName(), e.attendee().lastName(), e.attendee().email(), e.orderId(), e.position());
            case SeatUnassigned e -> jdbc.update("""
                    UPDATE order_seats SET attendee_first_name = NULL, attendee_last_name = NULL, attendee_email = NULL
                    WHERE order_id = ? AND position = ?""", e.orderId(), e.position());
            default -> {
                // Other registration events (seat availability, reservations, order updates before their new
                // totals) do not change what the owners' lists show.
            }
        }
    }

    private void placed(OrderPlaced e, Envelope envelope) {
        jdbc.update("""
                INSERT INTO orders (order_id, conference_id, status, placed_at, updated_at)
                VALUES (?, ?, 'PENDING', ?, now())
                ON CONFLICT (order_id) DO UPDATE
                    SET conference_id = EXCLUDED.conference_id,
                        placed_at = coalesce(orders.placed_at, EXCLUDED.placed_at),
                        updated_at = now()""",
                e.orderId(), e.conferenceId(), Timestamp.from(envelope.occurredAt()));
    }

    private void priced(OrderTotalsCalculated e) {
        ensureOrder(e.orderId());
        jdbc.update("UPDATE orders SET total_amount = ?, total_currency = ?, updated_at = now() WHERE order_id = ?",
                e.total().amount(), e.total().currency(), e.orderId());
        jdbc.update("DELETE FROM order_lines WHERE order_id = ?", e.orderId());
        for (OrderLine line : e.lines()) {
            jdbc.update("""
                    INSERT INTO order_lines (order_id, seat_type_id, description, unit_price, quantity, line_total, currency)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, seat_type_id) DO UPDATE
                        SET quantity = order_lines.quantity + EXCLUDED.quantity,
                            line_total = order_lines.line_total + EXCLUDED.line_total""",
                    e.orderId(), line.seatTypeId(), line.description(), line.unitPrice().amount(), line.quantity(),
                    line.lineTotal().amount(), line.unitPrice().currency());
        }
    }

    /** The order's discounts are those of its latest totals, like its lines (the dashboard's code discounts). */
    private void discounted(OrderTotalsCalculated e) {
        jdbc.update("DELETE FROM order_discounts WHERE order_id = ?", e.orderId());
        int position = 0;
        for (DiscountLine discount : e.discounts()) {
            jdbc.update("""
                    INSERT INTO order_discounts (order_id, position, code_id, code, seat_type_id, amount, currency)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    e.orderId(), position++, discount.codeId(), discount.code(), discount.seatTypeId(),
                    discount.amount().amount(), discount.amount().currency());
        }
    }

    private void assign(UUID seatAssignmentsId, UUID orderId, int position, UUID seatTypeId, PersonalInfo attendee) {
        jdbc.update("""
                INSERT INTO order_seats (order_id, position, seat_assignments_id, seat_type_id,
                                         attendee_first_name, attendee_last_name, attendee_email)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, position) DO UPDATE
                    SET attendee_first_name = EXCLUDED.attendee_first_name,
                        attendee_last_name = EXCLUDED.attendee_last_name,
                        attendee_email = EXCLUDED.attendee_email""",
                orderId, position, seatAssignmentsId, seatTypeId, attendee.firstName(), attendee.lastName(),
                attendee.email());
    }

    private void ensureOrder(UUID orderId) {
        jdbc.update("INSERT INTO orders (order_id, status, updated_at) VALUES (?, 'PENDING', now()) ON CONFLICT DO NOTHING",
                orderId);
    }
}
