package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;

import java.util.UUID;

/**
 * Who a waitlist entry belongs to, for those who write to them (notifications). Not an event of the
 * SeatsAvailability stream, which keeps no personal data (ADR 15): registration publishes it through its
 * outgoing-messages table in the join's transaction (topic {@code registration.events}, key = entry id). The name and
 * email are on the topic as {@code OrderRegistrantAssigned}'s are.
 */
public sealed interface WaitlistContactEvent extends Message {

    UUID entryId();

    @MessageType(name = "registration.WaitlistContactGiven")
    record WaitlistContactGiven(UUID entryId, UUID conferenceId, String name, String email)
            implements WaitlistContactEvent {
        public WaitlistContactGiven {
            Require.nonNull(entryId, "entryId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.text(name, "name");
            Require.text(email, "email");
        }
    }
}
