package dev.seatbooking.registration.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Where an order's time goes between its place-order request and its OrderReservationCompleted, hop by hop, from the
 * timestamps the service's tables keep (each the start of the transaction that wrote the row): events, inbox entries
 * of each consumer, outgoing messages (enqueued and sent). Commands are joined to their causes by causation id. The
 * place-order transaction starts the process (MakeSeatReservation enqueued), and the SeatsAvailability transaction
 * that reserves the seats also marks the order reserved, so those hops take no time of their own.
 */
final class HopBreakdown {

    private static final String QUERY = """
            WITH placed AS (
                SELECT stream_id AS order_id, message_id, recorded_at FROM events
                WHERE event_type = 'registration.OrderPlaced' AND recorded_at >= ?
            ), make AS (
                SELECT p.order_id, o.message_id, o.created_at, o.sent_at FROM placed p
                JOIN outgoing_messages o ON o.headers->>'causation-id' = p.message_id::text
                 AND o.headers->>'message-type' = 'registration.MakeSeatReservation'
            ), sa AS (
                SELECT m.order_id, i.processed_at FROM make m
                JOIN inbox i ON i.consumer = 'registration-seats-availability' AND i.message_id = m.message_id
            ), marked AS (
                SELECT e.stream_id AS order_id, min(e.recorded_at) AS recorded_at FROM events e
                WHERE e.event_type IN ('registration.OrderReservationCompleted', 'registration.OrderPartiallyReserved')
                GROUP BY e.stream_id
            ), hops AS (
                SELECT extract(epoch FROM m.sent_at - m.created_at) * 1000 AS dispatch_reservation,
                       extract(epoch FROM sa.processed_at - m.sent_at) * 1000 AS to_seats_availability,
                       extract(epoch FROM k.recorded_at - p.recorded_at) * 1000 AS total
                FROM placed p JOIN make m USING (order_id) JOIN sa USING (order_id) JOIN marked k USING (order_id)
            )
            SELECT name, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)
            FROM hops, LATERAL (VALUES ('1 MakeSeatReservation enqueued → sent', dispatch_reservation),
                                       ('2 sent → SeatsAvailability handles it', to_seats_availability),
                                       ('  OrderPlaced → order marked reserved', total)) AS v(name, ms)
            GROUP BY name ORDER BY name""";

    private HopBreakdown() {
    }

    /** @param since the orders placed from then on (the measured ones) */
    static void print(DataSource dataSource, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            ResultSet rs = s.executeQuery();
            System.out.println();
            System.out.println("hop (the measured orders)                             p50 ms   p99 ms");
            while (rs.next()) {
                System.out.printf("%-52s %7.0f  %7.0f%n", rs.getString(1), rs.getDouble(3), rs.getDouble(4));
            }
        } catch (Exception e) {
            System.out.println("(no hop breakdown: " + e.getMessage() + ")");
        }
    }
}
