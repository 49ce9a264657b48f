package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderCommand;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessage;
import dev.seatbooking.eventsourcing.process.ProcessManagerStore;
import dev.seatbooking.eventsourcing.process.VersionedProcess;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.process.Decision;
import dev.seatbooking.registration.process.Outcome;
import dev.seatbooking.registration.process.RegistrationProcessManager;
import dev.seatbooking.registration.process.RegistrationProcessState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the {@link RegistrationProcessManager} on the messages it follows: loads the order's process, decides, and saves
 * the new state with the commands it sends and schedules (and the expiry it cancels) in the caller's transaction.
 * A payment the order can no longer take is not applied, only logged: Payments, which holds the money, records on its
 * side that it must go back.
 * <p>
 * Where messages come from and go to (ADR 8): the events of this context's streams (the order's, the conference's
 * seats') arrive in-process, in the transaction that appended them ({@link EventsAppended}); payments and its expiry
 * come over Kafka, in the consumer's inbox transaction. Its commands to the order run in-process too, right here (the
 * book's V3 did the same); its commands to SeatsAvailability go through the outgoing-messages table to Kafka, keyed by
 * conference, whose partition owner is the conference's single writer.
 */
@Service
public class RegistrationProcessService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationProcessService.class);

    private final RegistrationProcessManager manager;
    private final ProcessManagerStore<RegistrationProcessState> store;
    private final CommandRouting commands;
    private final OrderService orders;
    private final Clock clock;

    public RegistrationProcessService(RegistrationProcessManager manager,
                                      ProcessManagerStore<RegistrationProcessState> store, CommandRouting commands,
                                      OrderService orders, Clock clock) {
        this.manager = manager;
        this.store = store;
        this.commands = commands;
        this.orders = orders;
        this.clock = clock;
    }

    /** Events of the order's and the seats' streams, in the transaction that appended them. */
    @EventListener
    public void on(EventsAppended appended) {
        appended.events().forEach(this::handle);
    }

    public void handle(Envelope message) {
        Optional<UUID> processId = RegistrationProcessManager.processIdOf(message.payload());
        if (processId.isEmpty()) return; // an event of the context the process does not follow
        Optional<VersionedProcess<RegistrationProcessState>> loaded = store.load(processId.get());
        RegistrationProcessState state = loaded.map(VersionedProcess::state)
                .orElseGet(() -> RegistrationProcessState.notStarted(processId.get()));
        int version = loaded.map(VersionedProcess::version).orElse(0);

        Decision decision = manager.handle(state, message, clock.instant());

        boolean changed = !decision.state().equals(state) || !decision.send().isEmpty()
                || !decision.schedule().isEmpty() || !decision.cancel().isEmpty();
        if (changed) save(processId.get(), version, decision);
        for (Outcome outcome : decision.outcomes()) report(message, outcome);
        // After the save: the order's events these cause come back here (OrderConfirmed), to the state just saved.
        for (Envelope command : decision.send()) {
            if (command.payload() instanceof OrderCommand order) {
                orders.handle(order, EventMetadata.causedBy(command.correlationId(), command.messageId()))
                        .ifPresent(refusal -> onRefused(processId.get(), order, refusal, message));
            }
        }
    }

    /**
     * The order did not take the payment its process confirmed it with (it paid another amount than the order's
     * total, or the order holds no seat any more): the process learns it at once, in this transaction, so that the
     * registrant can pay again, or the expiry rejects the order. Whatever the order's reason, a process left waiting for
     * a confirmation that was refused would never end: its expiry leaves a paid order alone.
     */
    private void onRefused(UUID processId, OrderCommand command, DomainRejection refusal, Envelope cause) {
        if (!(command instanceof ConfirmOrder confirm) || confirm.paymentId() == null) {
            return;
        }
        VersionedProcess<RegistrationProcessState> loaded = store.load(processId).orElseThrow();
        Decision decision = manager.paymentRefusedByOrder(loaded.state(), confirm.paymentId(), refusal.getMessage());
        if (!decision.state().equals(loaded.state())) save(processId, loaded.version(), decision);
        for (Outcome outcome : decision.outcomes()) report(cause, outcome);
    }

    /** The new state, with what goes over Kafka (all but the order's commands) and the cancelled expiry. */
    private void save(UUID processId, int version, Decision decision) {
        List<OutgoingMessage> toSend = new ArrayList<>();
        for (Envelope command : decision.send()) {
            if (!(command.payload() instanceof OrderCommand)) toSend.add(commands.message(command, null));
        }
        decision.schedule().forEach(s -> toSend.add(commands.message(s.envelope(), s.dueAt())));
        store.save(processId, version, decision.state(), decision.state().completed(), toSend, decision.cancel());
    }

    private void report(Envelope message, Outcome outcome) {
        switch (outcome) {
            case Outcome.Ignored o -> log.debug("{} {}: {}", message.type(), message.messageId(), o.reason());
            case Outcome.Refused o -> log.warn("{} {} refused: {}", message.type(), message.messageId(), o.reason());
            case Outcome.NeedsAttention o -> log.error("{} {} needs attention: {}", message.type(), message.messageId(),
                    o.reason());
            case Outcome.PaymentNotApplied o -> log.warn("Payment {} of order {} not applied ({}); Payments records the "
                    + "refund due", o.paymentId(), o.orderId(), o.reason());
        }
    }
}
