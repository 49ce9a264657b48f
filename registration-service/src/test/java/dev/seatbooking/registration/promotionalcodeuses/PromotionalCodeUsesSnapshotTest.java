package dev.seatbooking.registration.promotionalcodeuses;

import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A snapshot is only a cache: restored from its JSON, the conference's code uses decide exactly as replayed ones. */
class PromotionalCodeUsesSnapshotTest {

    private static final UUID CONFERENCE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID STREAM = PromotionalCodeUses.idFor(CONFERENCE);
    private static final UUID CODE = UUID.fromString("00000000-0000-4000-8000-00000000c0de");
    private static final UUID OTHER_CODE = UUID.fromString("00000000-0000-4000-8000-00000000c0df");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

    // As the library's AggregateRepository stores snapshots.
    private final JsonMapper json = JsonMapper.builder().build();

    private static final List<PromotionalCodeUsesEvent> HISTORY = List.of(
            new PromotionalCodeUseHeld(CONFERENCE, CODE, A, 1, 0),
            new PromotionalCodeUseHeld(CONFERENCE, CODE, B, 2, 0),
            new PromotionalCodeUseSpent(CONFERENCE, CODE, B, 1, 1),
            new PromotionalCodeUseHeld(CONFERENCE, OTHER_CODE, C, 1, 0),
            new PromotionalCodeUseReleased(CONFERENCE, OTHER_CODE, C, 0, 0),
            new PromotionalCodeUseHeld(CONFERENCE, OTHER_CODE, A, 1, 0));

    private static final List<Function<PromotionalCodeUses, List<PromotionalCodeUsesEvent>>> DECISIONS = List.of(
            u -> u.hold(CONFERENCE, CODE, "VIP", C, 3),
            u -> u.hold(CONFERENCE, CODE, "VIP", C, 2), // used up: 1 held + 1 spent
            u -> u.hold(CONFERENCE, CODE, "VIP", A, 2), // holds one already
            u -> u.release(CONFERENCE, CODE, A),
            u -> u.release(CONFERENCE, OTHER_CODE, C), // released already
            u -> u.spend(CONFERENCE, CODE, A),
            u -> u.spend(CONFERENCE, CODE, B), // spent already
            u -> u.spend(CONFERENCE, OTHER_CODE, A));

    @Test
    void a_restored_snapshot_decides_as_the_replayed_stream() {
        String stored = json.writeValueAsString(PromotionalCodeUses.SNAPSHOTS.take(replay()));
        for (var decision : DECISIONS) {
            // Each decision on fresh copies, so that one does not feed the next.
            PromotionalCodeUses restored = PromotionalCodeUses.SNAPSHOTS.restore(STREAM,
                    json.readValue(stored, PromotionalCodeUses.SNAPSHOTS.snapshotType()));
            assertThat(outcome(decision, restored)).isEqualTo(outcome(decision, replay()));
        }
        PromotionalCodeUses restored = PromotionalCodeUses.SNAPSHOTS.restore(STREAM,
                json.readValue(stored, PromotionalCodeUses.SNAPSHOTS.snapshotType()));
        assertThat(restored.held(CODE)).isEqualTo(1);
        assertThat(restored.used(CODE)).isEqualTo(1);
        assertThat(restored.holds(OTHER_CODE, A)).isTrue();
        assertThat(PromotionalCodeUses.SNAPSHOTS.size(restored)).isEqualTo(3);
    }

    private static Object outcome(Function<PromotionalCodeUses, List<PromotionalCodeUsesEvent>> decision,
                                  PromotionalCodeUses uses) {
        Throwable refused = catchThrowable(() -> decision.apply(uses));
        return refused == null ? decision.apply(uses) : refused.getClass();
    }

    private static PromotionalCodeUses replay() {
        PromotionalCodeUses uses = new PromotionalCodeUses(STREAM);
        HISTORY.forEach(uses::apply);
        return uses;
    }
}
