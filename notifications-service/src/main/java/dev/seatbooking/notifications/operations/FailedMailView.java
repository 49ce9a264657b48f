package dev.seatbooking.notifications.operations;

import dev.seatbooking.notifications.mail.MailKind;
import dev.seatbooking.notifications.mail.Mails;

import java.time.Instant;
import java.util.UUID;

/** A mail given up on, as operators see it: to whom, what, how many attempts, the last error and when. */
public record FailedMailView(UUID mailId, MailKind kind, String recipient, String subject, int attempts,
                             String lastError, Instant failedAt, Instant createdAt) {

    static FailedMailView of(Mails.Failed mail) {
        return new FailedMailView(mail.mailId(), mail.kind(), mail.recipient(), mail.kind().subject(),
                mail.attempts(), mail.lastError(), mail.failedAt(), mail.createdAt());
    }
}
