package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.order.OrderRejection;
import dev.seatbooking.registration.order.OrderStatus;

import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.AssignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.UnassignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.seatassignments.SeatAssignmentsRejection;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The seat assignments of confirmed orders: created in the transaction that confirms the order, then changed by the
 * registrant (with the order's access code, checked by {@link OrderAccessGuard}).
 */
@Service
public class SeatAssignmentsService {

    private final AggregateRepository<SeatAssignments, SeatAssignmentsEvent> assignments;
    private final CommandTransactions transactions;
    private final AggregateRepository<Order, OrderEvent> orders;

    public SeatAssignmentsService(AggregateRepository<SeatAssignments, SeatAssignmentsEvent> assignments,
                                  CommandTransactions transactions, AggregateRepository<Order, OrderEvent> orders) {
        this.assignments = assignments;
        this.transactions = transactions;
        this.orders = orders;
    }

    /** One position per purchased seat; in the caller's transaction. Created again, nothing changes. */
    void create(UUID orderId, List<SeatQuantity> purchasedSeats, EventMetadata metadata) {
        Versioned<SeatAssignments> loaded = assignments.load(SeatAssignments.idFor(orderId));
        List<SeatAssignmentsEvent> events = loaded.aggregate().create(orderId, purchasedSeats);
        if (!events.isEmpty()) assignments.save(loaded, events, metadata);
    }

    /** The cancelled order's attendees leave their seats; in the caller's transaction. */
    void end(UUID orderId, EventMetadata metadata) {
        Versioned<SeatAssignments> loaded = assignments.load(SeatAssignments.idFor(orderId));
        List<SeatAssignmentsEvent> events = loaded.aggregate().end();
        if (!events.isEmpty()) assignments.save(loaded, events, metadata);
    }

    public Versioned<SeatAssignments> read(OrderAccessGrant access) {
        UUID orderId = access.orderId();
        return assignments.find(SeatAssignments.idFor(orderId)).orElseThrow(
                () -> new SeatAssignmentsRejection.UnknownSeatAssignments(SeatAssignments.idFor(orderId)));
    }

    /** @return the seat assignments' version after the change */
    public int assign(OrderAccessGrant access, int position, PersonalInfo attendee) {
        UUID id = SeatAssignments.idFor(access.orderId());
        // A cancelled order's seats came back: nobody sits in them any more (issue 16).
        if (orders.load(access.orderId()).aggregate().status() == OrderStatus.CANCELLED) {
            throw new OrderRejection.OrderAlreadyCancelled(access.orderId());
        }
        return change(access.orderId(), a -> a.assignSeat(new AssignSeat(id, position, attendee)));
    }

    public int unassign(OrderAccessGrant access, int position) {
        UUID id = SeatAssignments.idFor(access.orderId());
        return change(access.orderId(), a -> a.unassignSeat(new UnassignSeat(id, position)));
    }

    private int change(UUID orderId, Function<SeatAssignments, List<SeatAssignmentsEvent>> decision) {
        return transactions.run(() -> {
            Versioned<SeatAssignments> loaded = assignments.load(SeatAssignments.idFor(orderId));
            List<SeatAssignmentsEvent> events = decision.apply(loaded.aggregate());
            if (events.isEmpty()) return loaded.version();
            return assignments.save(loaded, events, new EventMetadata(orderId, null, "registrant")).version();
        });
    }
}
