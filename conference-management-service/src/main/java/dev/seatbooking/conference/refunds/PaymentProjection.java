package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * Keeps the completed payments of this service's conferences from payments' {@link PaymentCompleted} events, for the
 * orders export (issue 17). Runs inside the consumer's inbox transaction. A payment completes once: the first event
 * makes the row, any other with its id (redelivered, or published again under another message id) changes nothing.
 * Payments of a conference not held here are not kept: the owner's data only.
 */
@Component
class PaymentProjection {

    private final JdbcTemplate jdbc;

    PaymentProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void handle(Envelope envelope, PaymentCompleted e) {
        jdbc.update("""
                INSERT INTO payments (payment_id, conference_id, order_id, amount, currency, completed_at)
                SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM conferences WHERE id = ?)
                ON CONFLICT (payment_id) DO NOTHING""",
                e.paymentId(), e.conferenceId(), e.paymentSourceId(), e.amount().amount(), e.amount().currency(),
                Timestamp.from(envelope.occurredAt()), e.conferenceId());
    }
}
