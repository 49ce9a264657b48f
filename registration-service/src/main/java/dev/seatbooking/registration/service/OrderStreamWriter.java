package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ReturnSoldSeats;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.messaging.DerivedIds;

import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.order.Order;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends an order's events in the caller's transaction, writes what they set beside the stream (the access row, the
 * seat assignments of a confirmed order, the uses of its promotional codes: held when a code is applied, released
 * when it is removed or the order expires, spent when the order is confirmed), and hands them to the registration
 * process in that transaction ({@link EventsAppended}).
 */
@Component
class OrderStreamWriter {

    private final AggregateRepository<Order, OrderEvent> orders;
    private final OrderAccess access;
    private final SeatAssignmentsService seatAssignments;
    private final PromotionalCodeUsesService codeUses;
    private final MessageTypes types;
    private final ApplicationEventPublisher publisher;
    private final CommandRouting commands;
    private final Clock clock;

    OrderStreamWriter(AggregateRepository<Order, OrderEvent> orders, OrderAccess access,
                      SeatAssignmentsService seatAssignments, PromotionalCodeUsesService codeUses, MessageCodec codec,
                      ApplicationEventPublisher publisher, CommandRouting commands, Clock clock) {
        this.orders = orders;
        this.access = access;
        this.seatAssignments = seatAssignments;
        this.codeUses = codeUses;
        this.types = codec.types();
        this.publisher = publisher;
        this.commands = commands;
        this.clock = clock;
    }

    /** @return the order's version after the append (the loaded one if there is nothing to append) */
    int append(Versioned<Order> loaded, List<OrderEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) return loaded.version();
        AppendResult appended = orders.save(loaded, events, metadata);
        Order order = loaded.aggregate();
        for (OrderEvent event : events) {
            switch (event) {
                case OrderPlaced e -> access.placed(e.orderId(), e.accessCode());
                case OrderRegistrantAssigned e -> access.registrantAssigned(e.orderId(), e.email());
                case OrderConfirmed e -> {
                    seatAssignments.create(order.id(), order.seats(), metadata);
                    order.promotionalCodes().forEach(c ->
                            codeUses.spend(order.conferenceId(), c.codeId(), order.id(), metadata));
                }
                // Issue 16: the seats come back through the writer of seat counts; the attendees leave their seats.
                // Promotional code uses spent by the order stay spent (see ADR 17).
                case OrderCancelled e -> {
                    seatAssignments.end(order.id(), metadata);
                    returnSoldSeats(e, order.seats());
                }
                case OrderExpired e -> order.promotionalCodes().forEach(c ->
                        codeUses.release(order.conferenceId(), c.codeId(), order.id(), metadata));
                case PromotionalCodeApplied e -> codeUses.hold(order.conferenceId(), e.codeId(), e.code(), order.id(),
                        metadata);
                case PromotionalCodeRemoved e -> codeUses.release(order.conferenceId(), e.codeId(), order.id(),
                        metadata);
                default -> {
                }
            }
        }
        publisher.publishEvent(new EventsAppended(ContractsMessaging.envelopesOf(types, appended, events, metadata)));
        return appended.version();
    }

    /**
     * ReturnSoldSeats to the conference's SeatsAvailability, sent after this transaction commits. Its message id is
     * derived from the order (an order is cancelled once), so the writer's inbox takes it once.
     */
    private void returnSoldSeats(OrderCancelled cancelled, List<SeatQuantity> sold) {
        var command = new ReturnSoldSeats(cancelled.conferenceId(), cancelled.orderId(), sold);
        UUID id = DerivedIds.of(cancelled.orderId(), "ReturnSoldSeats");
        commands.sendNow(Envelope.of(id, command, cancelled.conferenceId(), Envelope.UNVERSIONED,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
}
