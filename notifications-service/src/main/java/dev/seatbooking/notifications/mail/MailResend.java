package dev.seatbooking.notifications.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * An operator sends a failed mail again: it goes back to {@code PENDING}, due now, and {@link MailDelivery} sends it
 * as any other (one sending path: the same rendering, backoff and giving up). Counted and logged, as its failure was.
 */
@Component
public class MailResend {

    private static final Logger log = LoggerFactory.getLogger(MailResend.class);

    private final Mails mails;
    private final MailMetrics metrics;

    public MailResend(Mails mails, MailMetrics metrics) {
        this.mails = mails;
        this.metrics = metrics;
    }

    public Mails.Resend resend(UUID mailId) {
        Mails.Resend outcome = mails.resend(mailId);
        if (outcome instanceof Mails.Resend.Resent resent) {
            metrics.resent(resent.kind());
            log.info("Mail {} ({}) resent by an operator; it had failed with: {}", mailId, resent.kind(),
                    resent.previousError());
        }
        return outcome;
    }
}
