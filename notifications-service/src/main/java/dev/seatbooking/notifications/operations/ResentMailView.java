package dev.seatbooking.notifications.operations;

import dev.seatbooking.notifications.mail.MailKind;

import java.util.UUID;

/** A failed mail sent back to the sender: {@code PENDING}, due now. */
public record ResentMailView(UUID mailId, MailKind kind, String state) {
}
