package dev.seatbooking.registration.promotionalcodeuses;

import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A conference's promotional code uses: scarce like seats, given/when/then. */
class PromotionalCodeUsesTest {

    private static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID CODE = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final UUID OTHER_CODE = UUID.fromString("00000000-0000-0000-0000-00000000c0df");
    private static final UUID ORDER_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ORDER_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID ORDER_C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private final AggregateFixture<PromotionalCodeUses, PromotionalCodeUsesEvent> uses =
            AggregateFixture.of(PromotionalCodeUses::new, PromotionalCodeUses.idFor(CONFERENCE));

    private static PromotionalCodeUseHeld held(UUID order, int held, int used) {
        return new PromotionalCodeUseHeld(CONFERENCE, CODE, order, held, used);
    }

    private static PromotionalCodeUseReleased released(UUID order, int held, int used) {
        return new PromotionalCodeUseReleased(CONFERENCE, CODE, order, held, used);
    }

    private static PromotionalCodeUseSpent spent(UUID order, int held, int used) {
        return new PromotionalCodeUseSpent(CONFERENCE, CODE, order, held, used);
    }

    @Test
    void a_use_is_held_for_an_order_while_one_is_left() {
        uses.given(held(ORDER_A, 1, 0))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_B, 2))
                .then(held(ORDER_B, 2, 0))
                .state(u -> assertThat(u.held(CODE)).isEqualTo(2));
    }

    @Test
    void held_and_spent_uses_count_against_the_limit() {
        var refusal = uses.given(held(ORDER_A, 1, 0), held(ORDER_B, 2, 0), spent(ORDER_B, 1, 1))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_C, 2))
                .thenRejectedWith(PromotionalCodeUsedUp.class);
        assertThat(refusal).hasMessageContaining("VIP").hasMessageContaining("2 uses");
    }

    @Test
    void a_single_use_code_is_used_up_by_one_order() {
        uses.given(held(ORDER_A, 1, 0))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_B, 1))
                .thenRejectedWith(PromotionalCodeUsedUp.class);
    }

    @Test
    void an_unlimited_code_is_never_used_up_but_its_uses_are_counted() {
        uses.given(held(ORDER_A, 1, 0), spent(ORDER_A, 0, 1))
                .when(u -> u.hold(CONFERENCE, CODE, "ALL", ORDER_B, null))
                .then(held(ORDER_B, 1, 1));
    }

    @Test
    void an_order_holds_one_use_of_a_code_however_often_it_asks() {
        uses.given(held(ORDER_A, 1, 0))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_A, 1))
                .thenNothing();
        uses.given(held(ORDER_A, 1, 0), spent(ORDER_A, 0, 1))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_A, 1))
                .thenNothing();
    }

    @Test
    void a_released_use_can_be_held_by_another_order() {
        uses.given(held(ORDER_A, 1, 0), released(ORDER_A, 0, 0))
                .when(u -> u.hold(CONFERENCE, CODE, "VIP", ORDER_B, 1))
                .then(held(ORDER_B, 1, 0));
    }

    @Test
    void releasing_what_the_order_does_not_hold_changes_nothing() {
        uses.given(held(ORDER_A, 1, 0))
                .when(u -> u.release(CONFERENCE, CODE, ORDER_B))
                .thenNothing();
        uses.given(held(ORDER_A, 1, 0), spent(ORDER_A, 0, 1))
                .when(u -> u.release(CONFERENCE, CODE, ORDER_A))
                .thenNothing();
    }

    @Test
    void a_held_use_is_spent_once_when_its_order_is_confirmed() {
        uses.given(held(ORDER_A, 1, 0), held(ORDER_B, 2, 0))
                .when(u -> u.spend(CONFERENCE, CODE, ORDER_A))
                .then(spent(ORDER_A, 1, 1))
                .state(u -> {
                    assertThat(u.held(CODE)).isEqualTo(1);
                    assertThat(u.used(CODE)).isEqualTo(1);
                });
        uses.given(held(ORDER_A, 1, 0), spent(ORDER_A, 0, 1))
                .when(u -> u.spend(CONFERENCE, CODE, ORDER_A))
                .thenNothing();
    }

    @Test
    void each_code_counts_its_own_uses() {
        uses.given(held(ORDER_A, 1, 0))
                .when(u -> u.hold(CONFERENCE, OTHER_CODE, "OTHER", ORDER_B, 1))
                .then(new PromotionalCodeUseHeld(CONFERENCE, OTHER_CODE, ORDER_B, 1, 0));
    }
}
