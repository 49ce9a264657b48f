package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.OrderCommand;
import dev.seatbooking.contracts.registration.OrderCommand.AssignRegistrantDetails;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.StreamOfAnotherTypeException;
import dev.seatbooking.eventsourcing.process.ProcessManagerStore;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.SeatQuantities;
import dev.seatbooking.registration.conference.ConferenceCatalog;
import dev.seatbooking.registration.conference.PromotionalCodeCatalog;
import dev.seatbooking.registration.order.AccessCodeGenerator;
import dev.seatbooking.registration.order.ConferenceSeatTypes;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.order.OrderRejection;
import dev.seatbooking.registration.process.RegistrationProcessState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Handles commands on orders: the registrant's, synchronously in the request (load, decide, append, retried on a
 * conflict), and the registration process's ({@link #handle}, in-process in the process's transaction). The events are
 * appended by {@link OrderStreamWriter}, with what they set beside the stream and the registration process's reaction,
 * in the same transaction; a place request sent again is answered by {@link RepeatedPlacements}. Time is the service's
 * one {@link Clock}.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /**
     * An order as placed: what the place request answers, the first time and every time it is repeated.
     *
     * @param accessCode null when the request was a repeat without the order's code: a repeat must not hand the code to
     *                   whoever guessed the order id and its seats
     * @param repeated   the order had been placed by an earlier request
     */
    public record PlacedOrder(UUID orderId, UUID conferenceId, String accessCode, int version, boolean repeated) {
        PlacedOrder withoutAccessCode() {
            return new PlacedOrder(orderId, conferenceId, null, version, repeated);
        }
    }

    private final AggregateRepository<Order, OrderEvent> orders;
    private final OrderStreamWriter writer;
    private final RepeatedPlacements repeats;
    private final ConferenceCatalog catalog;
    private final PromotionalCodeCatalog promotionalCodeCatalog;
    private final AccessCodeGenerator accessCodes;
    private final CommandTransactions transactions;
    private final ProcessManagerStore<RegistrationProcessState> processes;
    private final Clock clock;
    private final SeatsPerClient seatsPerClient;

    public OrderService(AggregateRepository<Order, OrderEvent> orders, OrderStreamWriter writer, RepeatedPlacements repeats,
                        ConferenceCatalog catalog, PromotionalCodeCatalog promotionalCodeCatalog,
                        AccessCodeGenerator accessCodes, CommandTransactions transactions,
                        ProcessManagerStore<RegistrationProcessState> processes, Clock clock,
                        SeatsPerClient seatsPerClient) {
        this.orders = orders;
        this.writer = writer;
        this.repeats = repeats;
        this.catalog = catalog;
        this.promotionalCodeCatalog = promotionalCodeCatalog;
        this.accessCodes = accessCodes;
        this.transactions = transactions;
        this.processes = processes;
        this.clock = clock;
        this.seatsPerClient = seatsPerClient;
    }

    /**
     * Places an order with the client's id, with the promotional codes the registrant typed (each applied as
     * {@link #applyPromotionalCode} would; one refused refuses the placement). The same request again (same
     * conference, same seats, same codes) appends nothing
     * and answers as the first time, but its access code only to a request that shows it (whoever repeats a request
     * without it may have guessed the id); another request with that id is refused ({@link OrderIdTaken}).
     *
     * @param accessCode    the {@code Order-Access-Code} the request showed, if any (checked only for a repeat)
     * @param clientAddress whom a wrong code and the seats asked for count against
     * @throws TooManySeatsAsked the client asked for as many seats of the conference as it may for now
     */
    public PlacedOrder place(UUID orderId, UUID conferenceId, List<SeatQuantity> seats, List<String> promotionalCodes,
                             String accessCode, String clientAddress) {
        return place(orderId, conferenceId, seats, promotionalCodes, accessCode, clientAddress, true);
    }

    /**
     * Places the order of an accepted waitlist offer: as {@link #place}, but its seats do not count against the
     * client again (its join counted them, and they are held for it already).
     */
    PlacedOrder placeOffered(UUID orderId, UUID conferenceId, List<SeatQuantity> seats, String accessCode,
                             String clientAddress) {
        return place(orderId, conferenceId, seats, List.of(), accessCode, clientAddress, false);
    }

    private PlacedOrder place(UUID orderId, UUID conferenceId, List<SeatQuantity> seats, List<String> promotionalCodes,
                              String accessCode, String clientAddress, boolean countSeats) {
        ConferenceSeatTypes seatTypes = catalog.get(conferenceId);
        var command = new RegisterToConference(orderId, conferenceId, seats);
        PlacedOrder placed = transactions.run(() -> {
            Versioned<Order> loaded;
            try {
                loaded = orders.load(orderId);
            } catch (StreamOfAnotherTypeException notAnOrder) {
                throw new OrderIdTaken(orderId); // the id names another aggregate's stream (a conference's, say)
            }
            Order order = loaded.aggregate();
            if (order.isPlaced()) return repeats.firstAnswer(orderId, command, promotionalCodes);
            int asked = countSeats ? SeatsPerClient.seatsIn(seats) : 0;
            return seatsPerClient.counting(conferenceId, clientAddress, asked, () -> {
                List<OrderEvent> events = order.register(command, seatTypes, promotionalCodes,
                        promotionalCodeCatalog.of(conferenceId), clock.instant(), accessCodes);
                int version = writer.append(loaded, events, registrant(orderId));
                return new PlacedOrder(orderId, conferenceId, order.accessCode(), version, false);
            });
        });
        return placed.repeated() ? repeats.shownTo(placed, accessCode, clientAddress) : placed;
    }

    /**
     * Changes the seats of an order whose hold runs. The seats it asks or holds already: nothing appended. Seats
     * added count against the client as an order's do.
     *
     * @throws TooManySeatsAsked the client asked for as many seats of the conference as it may for now
     */
    public int updateSeats(OrderAccessGrant access, List<SeatQuantity> seats, String clientAddress) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            Order order = loaded.aggregate();
            ConferenceSeatTypes seatTypes = catalog.get(order.conferenceId());
            List<OrderEvent> events = order.register(new RegisterToConference(orderId, order.conferenceId(), seats),
                    seatTypes, clock.instant(), accessCodes);
            if (events.getFirst() instanceof OrderUpdated updated
                    && SeatQuantities.of(updated.seats()).equals(SeatQuantities.of(order.seats()))) {
                return loaded.version();
            }
            int added = SeatsPerClient.seatsIn(seats) - SeatsPerClient.seatsIn(order.seats());
            return seatsPerClient.counting(order.conferenceId(), clientAddress, added,
                    () -> writer.append(loaded, events, registrant(orderId)));
        });
    }

    /**
     * Applies a promotional code to an order whose hold runs, taking one of its uses in the same transaction; a code
     * the order or its uses refuse leaves the order as it was.
     */
    public int applyPromotionalCode(OrderAccessGrant access, String code) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            Order order = loaded.aggregate();
            List<OrderEvent> events = order.applyPromotionalCode(code,
                    promotionalCodeCatalog.of(order.conferenceId()), clock.instant());
            return writer.append(loaded, events, registrant(orderId));
        });
    }

    /** Removes a code from an order whose hold runs (its use released); a code not applied is refused. */
    public int removePromotionalCode(OrderAccessGrant access, String code) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            return writer.append(loaded, loaded.aggregate().removePromotionalCode(code, clock.instant()),
                    registrant(orderId));
        });
    }

    public int assignRegistrant(OrderAccessGrant access, String firstName, String lastName, String email) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            var command = new AssignRegistrantDetails(orderId, firstName, lastName, email);
            return writer.append(loaded, loaded.aggregate().assignRegistrant(command), registrant(orderId));
        });
    }

    /** Confirms a free order (total 0) without payment, while its hold runs; confirming again changes nothing. */
    public int confirmWithoutPayment(OrderAccessGrant access) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            List<OrderEvent> events = loaded.aggregate().confirmWithoutPayment(new ConfirmOrder(orderId), clock.instant());
            return writer.append(loaded, events, registrant(orderId));
        });
    }

    /**
     * The registrant cancels their confirmed order (issue 16), before the conference's deadline (its start less the
     * owner's cut-off, {@link ConferenceCatalog#cancellationDeadline}). Cancelling again is refused
     * ({@code order-cancelled}): the first answer said it happened.
     */
    public int cancelByRegistrant(OrderAccessGrant access) {
        UUID orderId = access.orderId();
        return transactions.run(() -> {
            Versioned<Order> loaded = loadForChange(orderId);
            Order order = loaded.aggregate();
            var command = new CancelOrder(orderId, order.conferenceId(), OrderCancelled.CancelledBy.REGISTRANT);
            Instant deadline = catalog.cancellationDeadline(order.conferenceId()).orElse(null);
            return writer.append(loaded, order.cancel(command, deadline, clock.instant()), registrant(orderId));
        });
    }

    /**
     * The conference's owner cancels an order (issue 16: Conference Management's CancelOrder, consumed from Kafka in
     * the consumer's inbox transaction, so a redelivery counts once). What the order refuses (not confirmed, already
     * cancelled, of another conference) is logged and dropped: the owner sees the order's status in its list.
     *
     * @return why the order refused it; empty if it was cancelled
     */
    public Optional<DomainRejection> cancelByOwner(CancelOrder command, EventMetadata metadata) {
        processes.lock(command.orderId());
        Versioned<Order> loaded = orders.load(command.orderId());
        try {
            List<OrderEvent> events = loaded.aggregate().cancel(command, null, clock.instant());
            writer.append(loaded, events, metadata);
            return Optional.empty();
        } catch (DomainRejection rejected) {
            log.warn("Order {} refused the owner's cancellation: {}", command.orderId(), rejected.getMessage());
            return Optional.of(rejected);
        }
    }

    /** The order as its stream has it, for the registrant who has its access code. */
    public Versioned<Order> read(OrderAccessGrant access) {
        return loadForRegistrant(access.orderId());
    }

    /**
     * A command from the registration process (MarkSeatsAsReserved, RejectOrder, ConfirmOrder), in-process in the
     * process's transaction. A command the order refuses is logged and dropped: the process learns the outcome from
     * the order's events (or their absence, when its expiry comes), or, for a payment the order does not take, from
     * the refusal returned here.
     *
     * @return why the order refused the command; empty if it took it
     */
    public Optional<DomainRejection> handle(OrderCommand command, EventMetadata metadata) {
        Versioned<Order> loaded = orders.load(command.orderId());
        Order order = loaded.aggregate();
        List<OrderEvent> events;
        try {
            events = switch (command) {
                case MarkSeatsAsReserved c -> {
                    if (!order.isPlaced()) throw new OrderRejection.UnknownOrder(c.orderId());
                    yield order.markSeatsAsReserved(c, catalog.get(order.conferenceId()));
                }
                case RejectOrder c -> order.reject(c);
                case ConfirmOrder c -> order.confirm(c);
                case CancelOrder c -> order.cancel(c, null, clock.instant());
                case AssignRegistrantDetails c -> order.assignRegistrant(c);
                case RegisterToConference c -> order.register(c, catalog.get(c.conferenceId()), clock.instant(),
                        accessCodes);
            };
        } catch (DomainRejection rejected) {
            log.warn("Order {} refused {}: {}", command.orderId(), command.getClass().getSimpleName(), rejected.getMessage());
            return Optional.of(rejected);
        }
        writer.append(loaded, events, metadata);
        return Optional.empty();
    }

    /**
     * The order for a registrant's change, its registration process locked first: the process's handlers save the
     * process and then change the order, so a change to the order takes the same two locks in the same order
     * (ADR 8), and the two wait for each other instead of deadlocking.
     */
    private Versioned<Order> loadForChange(UUID orderId) {
        processes.lock(orderId);
        return loadForRegistrant(orderId);
    }

    /** The order whose access the request proved (its access row and its stream are written together). */
    private Versioned<Order> loadForRegistrant(UUID orderId) {
        Versioned<Order> loaded = orders.load(orderId);
        if (!loaded.aggregate().isPlaced()) throw new AccessDenied();
        return loaded;
    }

    /** The registrant's commands on an order form one conversation, named by the order. */
    private static EventMetadata registrant(UUID orderId) {
        return new EventMetadata(orderId, null, "registrant");
    }
}
