package dev.seatbooking.conference.orders;

import dev.seatbooking.conference.waitlist.WaitlistProjection;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import org.springframework.stereotype.Component;

/**
 * Hands each registration event to the projections that keep it, in the caller's transaction (the consumer's, per
 * poll): {@link OrderProjection}, {@link CodeUsesProjection}, and {@link WaitlistProjection} (the dashboard's
 * seats have a consumer of their own: {@code dashboard.SeatEventsConsumer}). Each is idempotent on its
 * own, so applying the same events again changes nothing.
 */
@Component
public class RegistrationEventsProjections {

    private final OrderProjection orders;
    private final CodeUsesProjection codeUses;
    private final WaitlistProjection waitlists;

    RegistrationEventsProjections(OrderProjection orders, CodeUsesProjection codeUses, WaitlistProjection waitlists) {
        this.orders = orders;
        this.codeUses = codeUses;
        this.waitlists = waitlists;
    }

    public void apply(IncomingMessage<Envelope> message) {
        Envelope envelope = message.payload();
        switch (envelope.payload()) {
            case PromotionalCodeUsesEvent uses -> codeUses.handle(envelope, uses);
            case SeatsAvailabilityEvent availability -> waitlists.handle(envelope, availability);
            default -> orders.handle(message);
        }
    }
}
