package dev.seatbooking.registration.promotionalcodeuses;

import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.List;

/**
 * The uses of a conference's promotional codes (stream id = {@link #idFor(UUID)}, derived from the conference id,
 * which is SeatsAvailability's stream id): a use of a limited code is scarce like a seat. Per code, the orders holding a use (not confirmed yet) and those that spent one (confirmed); held + spent
 * never exceed the code's usage limit when a use is taken. Each order holds at most one use of a code. Decisions
 * return events and change nothing; {@link #apply} changes and never decides.
 */
public final class PromotionalCodeUses implements Aggregate<PromotionalCodeUsesEvent> {

    /** Snapshotted (the conference's whole history of code uses would otherwise be replayed at every load). */
    public static final PromotionalCodeUsesSnapshot.Snapshots SNAPSHOTS = new PromotionalCodeUsesSnapshot.Snapshots();

    record Uses(Set<UUID> holders, Set<UUID> spenders) {
        Uses() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>());
        }

        int taken() {
            return holders.size() + spenders.size();
        }
    }

    private final UUID id;
    final Map<UUID, Uses> byCode = new LinkedHashMap<>();

    /** @param id the stream id, {@link #idFor} the conference */
    public PromotionalCodeUses(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The stream of a conference's code uses: one per conference, named apart from the conference's other streams. */
    public static UUID idFor(UUID conferenceId) {
        return UUID.nameUUIDFromBytes(("promotional-code-uses:" + conferenceId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Holds a use of the code for the order, if one is left.
     *
     * @param usageLimit the code's current limit; null = unlimited (the uses are still counted, for the owner)
     * @return nothing if the order holds or spent a use of it already
     * @throws PromotionalCodeUsedUp every use is held or spent
     */
    public List<PromotionalCodeUsesEvent> hold(UUID conferenceId, UUID codeId, String code, UUID orderId,
                                               Integer usageLimit) {
        requireThisConference(conferenceId);
        Uses uses = uses(codeId);
        if (uses.holders().contains(orderId) || uses.spenders().contains(orderId)) return List.of();
        if (usageLimit != null && uses.taken() >= usageLimit) throw new PromotionalCodeUsedUp(code, usageLimit);
        return List.of(new PromotionalCodeUseHeld(conferenceId, codeId, orderId, uses.holders().size() + 1,
                uses.spenders().size()));
    }

    /** The order expired or dropped the code: its held use is available again. Nothing held: nothing. */
    public List<PromotionalCodeUsesEvent> release(UUID conferenceId, UUID codeId, UUID orderId) {
        requireThisConference(conferenceId);
        Uses uses = uses(codeId);
        if (!uses.holders().contains(orderId)) return List.of();
        return List.of(new PromotionalCodeUseReleased(conferenceId, codeId, orderId, uses.holders().size() - 1,
                uses.spenders().size()));
    }

    /**
     * The order was confirmed: its use is spent for good. Spent already: nothing (a confirmation handled again). An
     * order confirmed with the code without a held use (none is, as the hold is taken in the transaction that
     * applies the code) still spends one: it got the discount.
     */
    public List<PromotionalCodeUsesEvent> spend(UUID conferenceId, UUID codeId, UUID orderId) {
        requireThisConference(conferenceId);
        Uses uses = uses(codeId);
        if (uses.spenders().contains(orderId)) return List.of();
        int held = uses.holders().size() - (uses.holders().contains(orderId) ? 1 : 0);
        return List.of(new PromotionalCodeUseSpent(conferenceId, codeId, orderId, held, uses.spenders().size() + 1));
    }

    @Override
    public void apply(PromotionalCodeUsesEvent event) {
        Uses uses = byCode.computeIfAbsent(event.codeId(), id -> new Uses());
        switch (event) {
            case PromotionalCodeUseHeld e -> uses.holders().add(e.orderId());
            case PromotionalCodeUseReleased e -> uses.holders().remove(e.orderId());
            case PromotionalCodeUseSpent e -> {
                uses.holders().remove(e.orderId());
                uses.spenders().add(e.orderId());
            }
        }
    }

    public UUID id() {
        return id;
    }

    /** Uses of the code held by orders not confirmed yet. */
    public int held(UUID codeId) {
        return uses(codeId).holders().size();
    }

    /** Uses of the code spent by confirmed orders. */
    public int used(UUID codeId) {
        return uses(codeId).spenders().size();
    }

    public boolean holds(UUID codeId, UUID orderId) {
        return uses(codeId).holders().contains(orderId);
    }

    private void requireThisConference(UUID conferenceId) {
        if (!id.equals(idFor(conferenceId))) {
            throw new IllegalArgumentException("uses of conference " + conferenceId + " decided by stream " + id);
        }
    }

    private Uses uses(UUID codeId) {
        return byCode.getOrDefault(codeId, new Uses());
    }
}
