package dev.seatbooking.registration.seatsavailability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The waitlists of one conference's seat types, part of {@link SeatsAvailability} (ADR 15): entries in join order
 * (one map for all types: the order of a type's entries is their order in it), and the seats offered to them.
 * An entry is <em>waiting</em> while it is offered fewer seats than it wants.
 */
final class Waitlist {

    record Entry(UUID entryId, UUID seatTypeId, int quantity) {
    }

    /** Seats held for an entry until {@code expiresAt}. */
    record Offer(int seats, Instant expiresAt) {
    }

    final Map<UUID, Entry> entries = new LinkedHashMap<>();
    final Map<UUID, Offer> offers = new LinkedHashMap<>();

    Optional<Entry> entry(UUID entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    Optional<Offer> offer(UUID entryId) {
        return Optional.ofNullable(offers.get(entryId));
    }

    int offered(UUID entryId) {
        Offer offer = offers.get(entryId);
        return offer == null ? 0 : offer.seats();
    }

    /** The entries of a seat type, first joined first. */
    List<Entry> of(UUID seatTypeId) {
        return entries.values().stream().filter(e -> e.seatTypeId().equals(seatTypeId)).toList();
    }

    /** True while an entry of the type is offered fewer seats than it wants: the type's seats are then not on sale. */
    boolean waitsFor(UUID seatTypeId) {
        return of(seatTypeId).stream().anyMatch(e -> offered(e.entryId()) < e.quantity());
    }

    void join(Entry entry) {
        entries.put(entry.entryId(), entry);
    }

    void offer(UUID entryId, Offer offer) {
        offers.put(entryId, offer);
    }

    void end(UUID entryId) {
        entries.remove(entryId);
        offers.remove(entryId);
    }
}
