package dev.seatbooking.conference.orders;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The owner cancels a confirmed order of their conference (issue 16). Registration owns the order, so this sends it
 * registration's {@link CancelOrder} (topic {@code registration.process.commands}, key = order id) through the outbox,
 * as the conference's announcements go: stored with the request's transaction, sent after it commits, again after a
 * crash. Checked first against this service's own list of the order (from registration's events), so the owner is
 * told at once about an order that is not theirs, not confirmed, or already cancelled; registration decides again
 * (the list may lag) and the list shows the outcome ({@code CANCELLED}) once OrderCancelled comes back.
 * <p>
 * The command's message id is derived from the order: asking again before registration answered sends the same
 * message, which registration's inbox takes once.
 */
@Component
public class OrderCancellations {

    /** The order is not one of this conference's (or not known here yet): the owner's 404. */
    public static final class UnknownOrder extends RuntimeException {
        UnknownOrder(UUID orderId) {
            super("No order " + orderId + " in this conference");
        }
    }

    /** The order's state does not allow it; {@code code} is the problem's. */
    public static final class NotCancellable extends RuntimeException {
        private final String code;

        NotCancellable(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final JdbcTemplate jdbc;
    private final OutgoingMessages outgoing;
    private final MessageCodec codec;
    private final Clock clock;

    public OrderCancellations(DataSource dataSource, OutgoingMessages outgoing, MessageCodec codec, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outgoing = outgoing;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional
    public void cancel(UUID conferenceId, UUID orderId) {
        String status = jdbc.query("SELECT status FROM orders WHERE order_id = ? AND conference_id = ?",
                (rs, n) -> rs.getString(1), orderId, conferenceId).stream().findFirst()
                .orElseThrow(() -> new UnknownOrder(orderId));
        switch (OrderQueries.Status.valueOf(status)) {
            case CONFIRMED -> send(conferenceId, orderId);
            case CANCELLED -> throw new NotCancellable("order-cancelled", "Order " + orderId + " is cancelled");
            case PENDING, EXPIRED -> throw new NotCancellable("order-not-confirmed", "Order " + orderId
                    + " is not confirmed (" + status.toLowerCase(java.util.Locale.ROOT) + "): only a confirmed order can be cancelled");
        }
    }

    private void send(UUID conferenceId, UUID orderId) {
        var command = new CancelOrder(orderId, conferenceId, OrderCancelled.CancelledBy.OWNER);
        UUID messageId = UUID.nameUUIDFromBytes(("owner-cancels:" + orderId).getBytes(StandardCharsets.UTF_8));
        Envelope envelope = Envelope.of(messageId, command, orderId, Envelope.UNVERSIONED,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        outgoing.enqueue(ContractsMessaging.outgoing(codec, Topics.REGISTRATION_PROCESS_COMMANDS, envelope, null));
    }
}
