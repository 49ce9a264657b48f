package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.Envelope;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the process decided on one message. The service saves {@code state} and enqueues {@code send} and
 * {@code schedule} (and drops {@code cancel}) in one transaction, then sends.
 *
 * @param send     commands to send now, each an envelope caused by the incoming message (same correlation id); the
 *                 message ids are derived from the incoming message's, so handling it again yields the same ids
 * @param schedule messages to deliver later (the process's own expiry)
 * @param cancel   message ids of scheduled messages no longer wanted
 * @param outcomes what else the service should know or do (see {@link Outcome})
 */
public record Decision(RegistrationProcessState state, List<Envelope> send, List<Scheduled> schedule,
                       List<UUID> cancel, List<Outcome> outcomes) {

    /** @param dueAt not to be delivered before this instant */
    public record Scheduled(Envelope envelope, Instant dueAt) {
        public Scheduled {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    public Decision {
        Objects.requireNonNull(state, "state");
        send = List.copyOf(send);
        schedule = List.copyOf(schedule);
        cancel = List.copyOf(cancel);
        outcomes = List.copyOf(outcomes);
    }

    /** No command to send; the state may still note something (a refund, a refused update). */
    static Decision noCommands(RegistrationProcessState state, Outcome why) {
        return new Decision(state, List.of(), List.of(), List.of(), List.of(why));
    }

    static Decision to(RegistrationProcessState state, List<Envelope> send) {
        return new Decision(state, send, List.of(), List.of(), List.of());
    }
}
