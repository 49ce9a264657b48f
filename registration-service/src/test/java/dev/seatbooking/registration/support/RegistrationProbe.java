package dev.seatbooking.registration.support;

import dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUses;
import dev.seatbooking.registration.service.PromotionalCodeUsesService;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.service.SeatsAvailabilityService;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.process.ProcessManagerStore;
import dev.seatbooking.eventsourcing.process.VersionedProcess;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.registration.conference.ConferenceCatalog;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.RegistrationProcessState;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Looks into a running registration service's store: what tests wait for and check. Reads what is committed, as
 * any later request would see it.
 */
public final class RegistrationProbe {

    private final AggregateRepository<Order, OrderEvent> orders;
    private final AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> seatsAvailability;
    private final ProcessManagerStore<RegistrationProcessState> processes;
    private final PostgresEventStore store;
    private final ConferenceCatalog catalog;
    private final PromotionalCodeUsesService codeUses;
    private final JdbcTemplate jdbc;
    private final CommandRouting commands;

    public RegistrationProbe(ApplicationContext context) {
        this.orders = bean(context, AggregateRepository.class, Order.class, OrderEvent.class);
        this.seatsAvailability = bean(context, AggregateRepository.class, SeatsAvailability.class,
                SeatsAvailabilityEvent.class);
        this.processes = bean(context, ProcessManagerStore.class, RegistrationProcessState.class);
        this.store = context.getBean(PostgresEventStore.class);
        this.catalog = context.getBean(ConferenceCatalog.class);
        this.codeUses = context.getBean(PromotionalCodeUsesService.class);
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        this.commands = context.getBean(CommandRouting.class);
    }

    /** Sends a command to the conference's SeatsAvailability over Kafka, as the service's own senders do. */
    public void send(SeatsAvailabilityCommand command) {
        commands.sendNow(Envelope.of(command, command.conferenceId()));
    }

    /** When the waitlist entry's offer expiry (ExpireWaitlistOffer) is due, as its scheduled message says. */
    public Instant offerExpiryDue(UUID entryId) {
        return jdbc.queryForObject("SELECT due_at FROM outgoing_messages WHERE message_id = ?",
                (rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                SeatsAvailabilityService.offerExpiryMessageId(entryId));
    }

    public Optional<Order> order(UUID orderId) {
        return orders.find(orderId).map(Versioned::aggregate);
    }

    public OrderStatus status(UUID orderId) {
        return order(orderId).map(Order::status).orElse(OrderStatus.NOT_PLACED);
    }

    /** The seats an order holds (its reservation as the order knows it); 0 until it is reserved. */
    public int seatsHeld(UUID orderId) {
        return order(orderId).filter(o -> o.status() == OrderStatus.RESERVATION_COMPLETED
                        || o.status() == OrderStatus.PARTIALLY_RESERVED || o.status() == OrderStatus.CONFIRMED)
                .map(o -> o.seats().stream().mapToInt(SeatQuantity::quantity).sum()).orElse(0);
    }

    public SeatsAvailability seatsAvailability(UUID conferenceId) {
        return seatsAvailability.load(conferenceId).aggregate();
    }

    /**
     * Appends a decision of the conference's SeatsAvailability straight to the store, as another writer would (a former
     * owner of its partition finishing a poll): no instance's copy in memory knows of it.
     */
    public void seatsAvailabilityWrittenElsewhere(UUID conferenceId,
                                                  Function<SeatsAvailability, List<SeatsAvailabilityEvent>> decision) {
        seatsAvailability.update(conferenceId, decision::apply, EventMetadata.newConversation("another-writer"));
    }

    public int remaining(UUID conferenceId, UUID seatTypeId) {
        return seatsAvailability(conferenceId).remaining(seatTypeId);
    }

    public Optional<VersionedProcess<RegistrationProcessState>> process(UUID orderId) {
        return processes.load(orderId);
    }

    /** Whether the conference and its seat types are known here, published or not. */
    public boolean catalogued(UUID conferenceId, int seatTypes) {
        return catalog.find(conferenceId).map(c -> c.seatTypes().size() == seatTypes).orElse(false);
    }

    /** How long the conference's waitlist offers are held, as this service knows it now. */
    public Duration offerHold(UUID conferenceId) {
        return catalog.offerHold(conferenceId).duration();
    }

    /** Whether the conference is known here and published (registrants may order). */
    public boolean published(UUID conferenceId) {
        return catalog.find(conferenceId).map(c -> c.published()).orElse(false);
    }

    /** Whether the conference is known, published, and SeatsAvailability has every seat type's seats. */
    public boolean onSale(UUID conferenceId, Map<UUID, Integer> quantities) {
        var conference = catalog.find(conferenceId);
        if (conference.isEmpty() || !conference.get().published()) return false;
        if (conference.get().seatTypes().size() != quantities.size()) return false;
        SeatsAvailability availability = seatsAvailability(conferenceId);
        return quantities.entrySet().stream().allMatch(e -> availability.remaining(e.getKey()) == e.getValue());
    }

    /**
     * Replays the conference's SeatsAvailability stream and returns the lowest number of seats on sale each seat type
     * ever had: it must never be below zero.
     */
    public Map<UUID, Integer> lowestRemainingEver(UUID conferenceId) {
        Map<UUID, Integer> remaining = new HashMap<>();
        Map<UUID, Integer> lowest = new HashMap<>();
        for (RecordedEvent<Object> recorded : store.load(conferenceId)) {
            List<SeatQuantity> deltas = switch ((SeatsAvailabilityEvent) recorded.event()) {
                case SeatsAvailabilityEvent.SeatsReserved e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.SeatsReservationCancelled e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.AvailableSeatsChanged e -> e.seats();
                case SeatsAvailabilityEvent.SeatsReservationCommitted e -> List.of();
                case SeatsAvailabilityEvent.SoldSeatsReturned e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.WaitlistOfferMade e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.WaitlistLeft e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.WaitlistOfferLapsed e -> e.availableSeatsChanged();
                case SeatsAvailabilityEvent.WaitlistJoined e -> List.of();
                case SeatsAvailabilityEvent.WaitlistOfferAccepted e -> List.of();
            };
            for (SeatQuantity delta : deltas) {
                int now = remaining.merge(delta.seatTypeId(), delta.quantity(), Integer::sum);
                lowest.merge(delta.seatTypeId(), now, Math::min);
            }
        }
        return lowest;
    }

    public List<RecordedEvent<Object>> events(UUID streamId) {
        return store.load(streamId);
    }

    /** How many of these orders have at least one of these events (by their contract names, e.g. {@code OrderExpired}). */
    public long ordersWith(List<UUID> orderIds, String... eventTypes) {
        String[] types = java.util.Arrays.stream(eventTypes).map(t -> "registration." + t).toArray(String[]::new);
        return jdbc.execute((java.sql.Connection c) -> {
            try (var statement = c.prepareStatement("""
                    SELECT count(DISTINCT stream_id) FROM events
                    WHERE stream_id = ANY(?) AND event_type = ANY(?)""")) {
                statement.setArray(1, c.createArrayOf("uuid", orderIds.toArray()));
                statement.setArray(2, c.createArrayOf("text", types));
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Time passes for the service: its clock moves {@code by} ahead, and so, relative to the database's clock, does
     * every message it scheduled (the scheduled ones are sent by the library's dispatcher once PostgreSQL's
     * {@code now()} reaches their {@code due_at}, a clock no test can move, so their due times move back instead).
     * What was due within {@code by} goes out at once (within the dispatcher's poll timeout).
     */
    public void timePasses(Duration by) {
        TestClock.INSTANCE.advance(by);
        jdbc.update("UPDATE outgoing_messages SET due_at = due_at - ? * interval '1 millisecond' WHERE sent_at IS NULL",
                by.toMillis());
    }

    /** When the order's scheduled expiry (ExpireRegistrationProcess) is due, as the process scheduled it. */
    public Instant expiryDue(UUID orderId) {
        UUID expiry = process(orderId).orElseThrow().state().expirationCommandId();
        return jdbc.queryForObject("SELECT due_at FROM outgoing_messages WHERE message_id = ?",
                (rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), expiry);
    }

    /** The conference's promotional code uses, replayed from its stream. */
    public PromotionalCodeUses codeUses(UUID conferenceId) {
        return codeUses.read(conferenceId).aggregate();
    }

    /** Whether Conference Management's definition of this code (as of this version of it) has been kept. */
    public boolean codeDefined(UUID conferenceId, UUID codeId, boolean enabled) {
        return count("SELECT count(*) FROM promotional_codes WHERE conference_id = ? AND id = ? AND enabled = ?",
                conferenceId, codeId, enabled) == 1;
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @SuppressWarnings("unchecked")
    private static <T> T bean(ApplicationContext context, Class<?> type, Class<?>... generics) {
        return (T) context.getBeanProvider(ResolvableType.forClassWithGenerics(type, generics)).getObject();
    }
}
