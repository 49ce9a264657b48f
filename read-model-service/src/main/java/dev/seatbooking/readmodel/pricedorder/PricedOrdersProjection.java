package dev.seatbooking.readmodel.pricedorder;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.registration.DiscountLine;
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
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.readmodel.access.OrderAccessCodes;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionDescriptor;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the registrant pays (the book's PricedOrder, PricedOrderViewModelGenerator): the priced lines, the
 * promotional codes held and their discount lines, the total after discounts, whether the order is free of charge, when the reservation expires, and how its payments went.
 *
 * <p>The order's access code is kept as a hash ({@link OrderAccessCodes}), which guards reads of the order.
 *
 * <p>Payments come from their own streams (payment id), in a table joined at query time. Their events are
 * applied so that a duplicate changes nothing even without a version (a payment source may publish them
 * unversioned): a finished payment never goes back to initiated.
 */
public final class PricedOrdersProjection implements Projection {

    public static final String NAME = "priced-orders";

    // 2: order_access, the hash of each order's access code, which guards reads of the order.
    // 3: promotional codes: priced_order_discounts (the totals' discount lines) and priced_order_codes (the codes held).
    private static final ProjectionDescriptor DESCRIPTOR = new ProjectionDescriptor(NAME, 3,
            Set.of(StreamType.ORDER, StreamType.PAYMENT), StreamType.ORDER);

    @Override
    public ProjectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> ddl() {
        return List.of("""
                CREATE TABLE {g}.priced_orders (
                    order_id               uuid        PRIMARY KEY,
                    conference_id          uuid        NOT NULL,
                    status                 text        NOT NULL,
                    total                  numeric,
                    currency               text,
                    is_free_of_charge      boolean     NOT NULL,
                    reservation_expiration timestamptz,
                    version                bigint      NOT NULL)""",
                """
                CREATE TABLE {g}.priced_order_lines (
                    order_id     uuid    NOT NULL,
                    line_number  int     NOT NULL,
                    seat_type_id uuid    NOT NULL,
                    description  text    NOT NULL,
                    unit_price   numeric NOT NULL,
                    quantity     int     NOT NULL,
                    line_total   numeric NOT NULL,
                    currency     text    NOT NULL,
                    PRIMARY KEY (order_id, line_number))""",
                """
                CREATE TABLE {g}.priced_order_discounts (
                    order_id     uuid    NOT NULL,
                    line_number  int     NOT NULL,
                    code_id      uuid    NOT NULL,
                    code         text    NOT NULL,
                    seat_type_id uuid    NOT NULL,
                    amount       numeric NOT NULL,
                    currency     text    NOT NULL,
                    PRIMARY KEY (order_id, line_number))""",
                """
                CREATE TABLE {g}.priced_order_codes (
                    order_id        uuid   NOT NULL,
                    code_id         uuid   NOT NULL,
                    code            text   NOT NULL,
                    applied_version bigint NOT NULL,
                    PRIMARY KEY (order_id, code_id))""",
                """
                CREATE TABLE {g}.payments (
                    payment_id uuid    PRIMARY KEY,
                    order_id   uuid    NOT NULL,
                    status     text    NOT NULL,
                    amount     numeric     NOT NULL,
                    currency   text        NOT NULL,
                    first_seen timestamptz NOT NULL)""",
                "CREATE INDEX ON {g}.payments (order_id)",
                OrderAccessCodes.DDL);
    }

    private static final String PLACE = """
            INSERT INTO {g}.priced_orders (order_id, conference_id, status, is_free_of_charge, reservation_expiration, version)
            VALUES (?, ?, 'OPEN', false, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET conference_id = EXCLUDED.conference_id,
                reservation_expiration = EXCLUDED.reservation_expiration, version = EXCLUDED.version""";
    private static final String TOTALS = """
            UPDATE {g}.priced_orders SET total = ?, currency = ?, is_free_of_charge = ?, version = ? WHERE order_id = ?""";
    private static final String EXPIRATION = """
            UPDATE {g}.priced_orders SET reservation_expiration = ?, version = ? WHERE order_id = ?""";
    private static final String STATUS = "UPDATE {g}.priced_orders SET status = ?, version = ? WHERE order_id = ?";
    private static final String VERSION = "UPDATE {g}.priced_orders SET version = ? WHERE order_id = ?";
    private static final String DELETE_LINES = "DELETE FROM {g}.priced_order_lines WHERE order_id = ?";
    private static final String INSERT_LINE = """
            INSERT INTO {g}.priced_order_lines (order_id, line_number, seat_type_id, description, unit_price, quantity,
                                                line_total, currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String DELETE_DISCOUNTS = "DELETE FROM {g}.priced_order_discounts WHERE order_id = ?";
    private static final String INSERT_DISCOUNT = """
            INSERT INTO {g}.priced_order_discounts (order_id, line_number, code_id, code, seat_type_id, amount, currency)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    // The stream's version orders the codes as they were applied; one applied again after its removal goes last.
    private static final String CODE_APPLIED = """
            INSERT INTO {g}.priced_order_codes (order_id, code_id, code, applied_version) VALUES (?, ?, ?, ?)
            ON CONFLICT (order_id, code_id) DO UPDATE SET code = EXCLUDED.code, applied_version = EXCLUDED.applied_version""";
    private static final String CODE_REMOVED = "DELETE FROM {g}.priced_order_codes WHERE order_id = ? AND code_id = ?";
    private static final String PAYMENT_INITIATED = """
            INSERT INTO {g}.payments (payment_id, order_id, status, amount, currency, first_seen)
            VALUES (?, ?, 'INITIATED', ?, ?, ?)
            ON CONFLICT (payment_id) DO NOTHING""";
    private static final String PAYMENT_FINISHED = """
            INSERT INTO {g}.payments AS p (payment_id, order_id, status, amount, currency, first_seen)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (payment_id) DO UPDATE SET status = EXCLUDED.status WHERE p.status = 'INITIATED'""";

    @Override
    public void apply(Envelope event, Tables tables) {
        long version = event.aggregateVersion();
        switch (event.payload()) {
            case OrderEvent order -> apply(order, version, tables);
            case PaymentEvent payment -> apply(payment, Timestamp.from(event.occurredAt()), tables);
            default -> {
            }
        }
    }

    private static void apply(OrderEvent event, long version, Tables tables) {
        switch (event) {
            case OrderPlaced p -> {
                tables.update(PLACE, p.orderId(), p.conferenceId(), Timestamp.from(p.reservationAutoExpiration()),
                        version);
                OrderAccessCodes.placed(tables, p);
            }
            case OrderTotalsCalculated t -> {
                tables.update(TOTALS, t.total().amount(), t.total().currency(), t.isFreeOfCharge(), version, t.orderId());
                replaceLines(tables, t);
                replaceDiscounts(tables, t);
            }
            case OrderPartiallyReserved r -> tables.update(EXPIRATION, Timestamp.from(r.reservationExpiration()),
                    version, r.orderId());
            case OrderReservationCompleted r -> tables.update(EXPIRATION, Timestamp.from(r.reservationExpiration()),
                    version, r.orderId());
            case OrderExpired e -> tables.update(STATUS, PricedOrder.Status.EXPIRED.name(), version, e.orderId());
            case OrderConfirmed c -> tables.update(STATUS, PricedOrder.Status.CONFIRMED.name(), version, c.orderId());
            case OrderUpdated u -> tables.update(VERSION, version, u.orderId());
            case OrderRegistrantAssigned r -> tables.update(VERSION, version, r.orderId());
            // Issue 16: cancelled after confirmation; the refund shows with its payment (payments' events).
            case OrderCancelled c -> tables.update(STATUS, PricedOrder.Status.CANCELLED.name(), version, c.orderId());
            // The codes held; what they take off comes with the OrderTotalsCalculated that follows each of them.
            case PromotionalCodeApplied a -> {
                tables.update(CODE_APPLIED, a.orderId(), a.codeId(), a.code(), version);
                tables.update(VERSION, version, a.orderId());
            }
            case PromotionalCodeRemoved r -> {
                tables.update(CODE_REMOVED, r.orderId(), r.codeId());
                tables.update(VERSION, version, r.orderId());
            }
        }
    }

    private static void replaceLines(Tables tables, OrderTotalsCalculated t) {
        tables.update(DELETE_LINES, t.orderId());
        List<Object[]> rows = new ArrayList<>(t.lines().size());
        int number = 1;
        for (OrderLine line : t.lines()) {
            rows.add(new Object[]{t.orderId(), number++, line.seatTypeId(), line.description(),
                    line.unitPrice().amount(), line.quantity(), line.lineTotal().amount(),
                    line.lineTotal().currency()});
        }
        tables.batchUpdate(INSERT_LINE, rows);
    }

    /** Each totals replaces the discounts of the ones before (a removed code's lines go with it). */
    private static void replaceDiscounts(Tables tables, OrderTotalsCalculated t) {
        tables.update(DELETE_DISCOUNTS, t.orderId());
        List<Object[]> rows = new ArrayList<>(t.discounts().size());
        int number = 1;
        for (DiscountLine discount : t.discounts()) {
            rows.add(new Object[]{t.orderId(), number++, discount.codeId(), discount.code(), discount.seatTypeId(),
                    discount.amount().amount(), discount.amount().currency()});
        }
        tables.batchUpdate(INSERT_DISCOUNT, rows);
    }

    private static void apply(PaymentEvent event, Timestamp occurredAt, Tables tables) {
        switch (event) {
            case PaymentInitiated i -> tables.update(PAYMENT_INITIATED, i.paymentId(), i.paymentSourceId(),
                    i.amount().amount(), i.amount().currency(), occurredAt);
            case PaymentCompleted c -> tables.update(PAYMENT_FINISHED, c.paymentId(), c.paymentSourceId(),
                    PricedOrder.PaymentStatus.COMPLETED.name(), c.amount().amount(), c.amount().currency(), occurredAt);
            case PaymentRejected r -> tables.update(PAYMENT_FINISHED, r.paymentId(), r.paymentSourceId(),
                    PricedOrder.PaymentStatus.REJECTED.name(), r.amount().amount(), r.amount().currency(), occurredAt);
        }
    }
}
