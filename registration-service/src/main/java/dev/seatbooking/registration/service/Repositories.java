package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.AggregateType;
import dev.seatbooking.eventsourcing.aggregate.SnapshotStore;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import dev.seatbooking.eventsourcing.process.ProcessManagerStore;
import dev.seatbooking.eventsourcing.spring.EventSourcingProperties;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.registration.RegistrationProperties;
import dev.seatbooking.registration.order.AccessCodeGenerator;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.process.RegistrationProcessManager;
import dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUses;
import dev.seatbooking.registration.process.RegistrationProcessState;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/**
 * The aggregates' repositories and the process manager's store. The stream types name the streams in the event
 * store and route their events: every one of them is relayed to {@code registration.events}
 * ({@code seatbooking.eventsourcing.relay.topics.<stream type>}).
 */
@Configuration
public class Repositories {

    public static final String ORDER = "order";
    public static final String SEATS_AVAILABILITY = "seats-availability";
    public static final String SEAT_ASSIGNMENTS = "seat-assignments";
    public static final String PROMOTIONAL_CODE_USES = "promotional-code-uses";
    public static final String REGISTRATION_PROCESS = "RegistrationProcessManager";

    @Bean
    AggregateRepository<Order, OrderEvent> orderRepository(PostgresEventStore store) {
        return new AggregateRepository<>(store, new AggregateType<>(ORDER, OrderEvent.class, Order::new));
    }

    /** The hot aggregate: one per conference, every order goes through it, so it is snapshotted. */
    @Bean
    AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> seatsAvailabilityRepository(
            PostgresEventStore store, SnapshotStore snapshots, EventSourcingProperties properties) {
        return new AggregateRepository<>(store,
                new AggregateType<>(SEATS_AVAILABILITY, SeatsAvailabilityEvent.class, SeatsAvailability::new),
                snapshots, SeatsAvailability.SNAPSHOTS, properties.snapshotEvery());
    }

    @Bean
    AggregateRepository<SeatAssignments, SeatAssignmentsEvent> seatAssignmentsRepository(PostgresEventStore store) {
        return new AggregateRepository<>(store,
                new AggregateType<>(SEAT_ASSIGNMENTS, SeatAssignmentsEvent.class, SeatAssignments::new));
    }

    /**
     * One per conference, written with the event store's expected version by whoever decides (ADR 14); snapshotted,
     * since every code use of every order of the conference loads it, and a registrant may lengthen it at will.
     */
    @Bean
    AggregateRepository<PromotionalCodeUses, PromotionalCodeUsesEvent> promotionalCodeUsesRepository(
            PostgresEventStore store, SnapshotStore snapshots, EventSourcingProperties properties) {
        return new AggregateRepository<>(store, new AggregateType<>(PROMOTIONAL_CODE_USES, PromotionalCodeUsesEvent.class,
                PromotionalCodeUses::new), snapshots, PromotionalCodeUses.SNAPSHOTS, properties.snapshotEvery());
    }

    @Bean
    ProcessManagerStore<RegistrationProcessState> registrationProcessStore(
            DataSource dataSource, PlatformTransactionManager transactions, OutgoingMessages outgoing) {
        return new ProcessManagerStore<>(dataSource, transactions, outgoing, REGISTRATION_PROCESS,
                RegistrationProcessState.class, JsonMapper.builder().build());
    }

    @Bean
    RegistrationProcessManager registrationProcessManager(RegistrationProperties properties) {
        return new RegistrationProcessManager(properties.expirationBuffer());
    }

    @Bean
    AccessCodeGenerator accessCodeGenerator() {
        return AccessCodeGenerator.secureRandom();
    }
}
