package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.conference.PromotionalCodeCatalog;
import dev.seatbooking.registration.order.PromotionalCode;
import dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUses;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Takes, gives back and spends uses of a conference's promotional codes, in the transaction of the order's events
 * that call for it ({@link OrderStreamWriter}): load the conference's {@link PromotionalCodeUses}, decide, append with
 * the loaded version as the expected one. Two writers deciding on the same version: the event store lets one append,
 * the other's transaction fails with a concurrency conflict and is decided again on the newer state (a REST command
 * by {@link CommandTransactions}, a message by its consumer's retries), so no use is taken twice (ADR 14).
 */
@Service
public class PromotionalCodeUsesService {

    private final AggregateRepository<PromotionalCodeUses, PromotionalCodeUsesEvent> repository;
    private final PromotionalCodeCatalog definitions;

    public PromotionalCodeUsesService(AggregateRepository<PromotionalCodeUses, PromotionalCodeUsesEvent> repository,
                                      PromotionalCodeCatalog definitions) {
        this.repository = repository;
        this.definitions = definitions;
    }

    /** @throws dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUsedUp no use of it is left */
    void hold(UUID conferenceId, UUID codeId, String code, UUID orderId, EventMetadata metadata) {
        Integer limit = definitions.byId(conferenceId, codeId).map(PromotionalCode::usageLimit).orElse(null);
        decide(conferenceId, uses -> uses.hold(conferenceId, codeId, code, orderId, limit), metadata);
    }

    void release(UUID conferenceId, UUID codeId, UUID orderId, EventMetadata metadata) {
        decide(conferenceId, uses -> uses.release(conferenceId, codeId, orderId), metadata);
    }

    void spend(UUID conferenceId, UUID codeId, UUID orderId, EventMetadata metadata) {
        decide(conferenceId, uses -> uses.spend(conferenceId, codeId, orderId), metadata);
    }

    /** The conference's uses as the store has them (tests and the order's answer). */
    public Versioned<PromotionalCodeUses> read(UUID conferenceId) {
        return repository.load(PromotionalCodeUses.idFor(conferenceId));
    }

    private void decide(UUID conferenceId, Function<PromotionalCodeUses, List<PromotionalCodeUsesEvent>> decision,
                        EventMetadata metadata) {
        Versioned<PromotionalCodeUses> loaded = repository.load(PromotionalCodeUses.idFor(conferenceId));
        List<PromotionalCodeUsesEvent> events = decision.apply(loaded.aggregate());
        if (!events.isEmpty()) repository.save(loaded, events, metadata);
    }
}
