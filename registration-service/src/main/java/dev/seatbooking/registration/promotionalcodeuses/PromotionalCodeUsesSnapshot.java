package dev.seatbooking.registration.promotionalcodeuses;

import dev.seatbooking.eventsourcing.aggregate.Snapshotting;

import java.util.List;
import java.util.UUID;

/**
 * The whole state of a {@link PromotionalCodeUses}: per code, the orders holding a use and those that spent one. Every
 * hold, release and spend of any order of the conference loads the stream, and a registrant may add a hold and a
 * release to it with every code applied and removed: without snapshots each load replayed them all.
 */
public record PromotionalCodeUsesSnapshot(List<CodeUses> codes) {

    public record CodeUses(UUID codeId, List<UUID> holders, List<UUID> spenders) {
        public CodeUses {
            holders = List.copyOf(holders);
            spenders = List.copyOf(spenders);
        }
    }

    public PromotionalCodeUsesSnapshot {
        codes = List.copyOf(codes);
    }

    /** Raise {@link #schemaVersion()} whenever the record or its meaning changes: older snapshots are then ignored. */
    public static final class Snapshots implements Snapshotting<PromotionalCodeUses, PromotionalCodeUsesSnapshot> {

        Snapshots() {
        }

        @Override
        public Class<PromotionalCodeUsesSnapshot> snapshotType() {
            return PromotionalCodeUsesSnapshot.class;
        }

        @Override
        public int schemaVersion() {
            return 1;
        }

        @Override
        public PromotionalCodeUsesSnapshot take(PromotionalCodeUses uses) {
            return new PromotionalCodeUsesSnapshot(uses.byCode.entrySet().stream()
                    .map(e -> new CodeUses(e.getKey(), List.copyOf(e.getValue().holders()),
                            List.copyOf(e.getValue().spenders())))
                    .toList());
        }

        /** The orders named: a conference whose codes were used by many orders is snapshotted more rarely. */
        @Override
        public int size(PromotionalCodeUses uses) {
            return uses.byCode.values().stream().mapToInt(PromotionalCodeUses.Uses::taken).sum();
        }

        @Override
        public PromotionalCodeUses restore(UUID id, PromotionalCodeUsesSnapshot snapshot) {
            PromotionalCodeUses uses = new PromotionalCodeUses(id);
            for (CodeUses code : snapshot.codes()) {
                PromotionalCodeUses.Uses restored = new PromotionalCodeUses.Uses();
                restored.holders().addAll(code.holders());
                restored.spenders().addAll(code.spenders());
                uses.byCode.put(code.codeId(), restored);
            }
            return uses;
        }
    }
}
