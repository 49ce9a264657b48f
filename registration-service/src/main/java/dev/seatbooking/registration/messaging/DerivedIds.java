package dev.seatbooking.registration.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Message ids derived from the message that caused them, so that handling a message again (a redelivery, a retry
 * after a conflict) enqueues the same ids, which the outgoing table and the receivers' inboxes drop.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    public static UUID of(UUID cause, String role) {
        return UUID.nameUUIDFromBytes((cause + "/" + role).getBytes(StandardCharsets.UTF_8));
    }
}
