package dev.seatbooking.conference.promotion;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A promotional code's rules, without a database (the code is not event-sourced: plain given/when/then). */
class PromotionalCodeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final UUID GENERAL = UUID.randomUUID();
    private static final UUID WORKSHOP = UUID.randomUUID();
    private static final ConferenceFacts IN_EUR = new ConferenceFacts(Set.of(GENERAL, WORKSHOP), Optional.of("EUR"));

    @Test
    void a_new_code_is_enabled_and_keeps_its_text_upper_case() {
        PromotionalCode code = code("speaker-2026", terms(Discount.percentage(100), CodeScope.ALL_SEAT_TYPES, 1));

        assertThat(code.code()).isEqualTo("SPEAKER-2026");
        assertThat(code.isEnabled()).isTrue();
        assertThat(code.isCalled("Speaker-2026")).isTrue();
        assertThat(code.isCalled("SPEAKER-2027")).isFalse();
    }

    @Test
    void a_text_that_is_not_a_code_is_refused() {
        assertThatThrownBy(() -> code("ab", percent(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code("TEN PERCENT", percent(10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_scope_names_only_seat_types_of_the_conference() {
        UUID elsewhere = UUID.randomUUID();

        assertThatThrownBy(() -> code("PARTNER", terms(Discount.percentage(20), CodeScope.of(List.of(GENERAL, elsewhere)), null)))
                .isInstanceOfSatisfying(PromotionalCodeRejection.UnknownSeatTypes.class,
                        e -> assertThat(e.seatTypeIds()).containsExactly(elsewhere));
    }

    @Test
    void a_fixed_amount_is_in_the_conference_currency() {
        assertThatThrownBy(() -> code("MINUS10", terms(Discount.fixedAmount(Money.of("10", "USD")), CodeScope.ALL_SEAT_TYPES, null)))
                .isInstanceOf(PromotionalCodeRejection.CurrencyMismatch.class)
                .hasMessageContaining("EUR");
        assertThat(code("MINUS10", terms(Discount.fixedAmount(Money.of("10", "EUR")), CodeScope.ALL_SEAT_TYPES, null))
                .currency()).contains("EUR");
    }

    @Test
    void before_anything_is_priced_a_fixed_amount_may_be_in_any_currency() {
        PromotionalCode code = new PromotionalCode(UUID.randomUUID(), CONFERENCE, "MINUS10",
                terms(Discount.fixedAmount(Money.of("10", "USD")), CodeScope.ALL_SEAT_TYPES, null),
                new ConferenceFacts(Set.of(), Optional.empty()), NOW);

        assertThat(code.currency()).contains("USD");
    }

    @Test
    void a_validity_window_ends_after_it_starts() {
        assertThatThrownBy(() -> new CodeTerms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null, NOW, NOW, false))
                .isInstanceOf(PromotionalCodeRejection.WindowOutOfOrder.class);
        assertThatThrownBy(() -> new CodeTerms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null, NOW,
                NOW.minusSeconds(1), false)).isInstanceOf(PromotionalCodeRejection.WindowOutOfOrder.class);
        assertThat(new CodeTerms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null, NOW, null, false).validFrom())
                .isEqualTo(NOW);
    }

    @Test
    void a_window_is_kept_to_the_microsecond_the_database_stores() {
        CodeTerms terms = new CodeTerms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null,
                Instant.parse("2026-01-01T00:00:00.123456789Z"), null, false);

        assertThat(terms.validFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void an_edit_changes_everything_but_the_text() {
        PromotionalCode code = code("partner", percent(10));
        CodeTerms edited = new CodeTerms(Discount.fixedAmount(Money.of("25", "EUR")), CodeScope.of(List.of(WORKSHOP)),
                5, NOW, NOW.plusSeconds(3600), true);

        assertThat(code.edit(null, edited, IN_EUR, CodeUses.NONE, NOW)).isTrue();
        assertThat(code.terms()).isEqualTo(edited);
        assertThat(code.edit("Partner", edited, IN_EUR, CodeUses.NONE, NOW)).as("the same terms, its own text").isFalse();
        assertThat(code.code()).isEqualTo("PARTNER");
    }

    @Test
    void an_edit_cannot_change_the_text() {
        PromotionalCode code = code("PARTNER", percent(10));

        assertThatThrownBy(() -> code.edit("PARTNERS", percent(20), IN_EUR, CodeUses.NONE, NOW))
                .isInstanceOf(PromotionalCodeRejection.CodeTextFixed.class);
        assertThat(code.terms()).isEqualTo(percent(10));
    }

    @Test
    void an_edit_checks_the_scope_and_currency_again() {
        PromotionalCode code = code("PARTNER", percent(10));

        assertThatThrownBy(() -> code.edit(null, terms(Discount.percentage(10), CodeScope.of(List.of(UUID.randomUUID())), null),
                IN_EUR, CodeUses.NONE, NOW)).isInstanceOf(PromotionalCodeRejection.UnknownSeatTypes.class);
        assertThatThrownBy(() -> code.edit(null, terms(Discount.fixedAmount(Money.of("5", "GBP")), CodeScope.ALL_SEAT_TYPES, null),
                IN_EUR, CodeUses.NONE, NOW)).isInstanceOf(PromotionalCodeRejection.CurrencyMismatch.class);
    }

    @Test
    void a_usage_limit_never_shrinks_below_the_uses_held_and_spent() {
        PromotionalCode code = code("FIVE", terms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, 5));
        CodeUses taken = new CodeUses(2, 2);

        assertThatThrownBy(() -> code.edit(null, limit(3), IN_EUR, taken, NOW))
                .isInstanceOfSatisfying(PromotionalCodeRejection.UsesTaken.class, e -> assertThat(e.taken()).isEqualTo(4))
                .hasMessageContaining("4 uses");
        assertThat(code.edit(null, limit(4), IN_EUR, taken, NOW)).as("down to the uses taken").isTrue();
        assertThat(code.edit(null, limit(null), IN_EUR, taken, NOW)).as("unlimited").isTrue();
    }

    @Test
    void a_limit_already_below_the_uses_may_stay_or_grow() {
        PromotionalCode code = code("TWO", terms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, 2));
        CodeUses over = new CodeUses(1, 2);

        assertThat(code.edit(null, terms(Discount.percentage(15), CodeScope.ALL_SEAT_TYPES, 2), IN_EUR, over, NOW)).isTrue();
        assertThat(code.edit(null, limit(3), IN_EUR, over, NOW)).isTrue();
        assertThatThrownBy(() -> code.edit(null, limit(1), IN_EUR, over, NOW))
                .isInstanceOf(PromotionalCodeRejection.UsesTaken.class);
    }

    @Test
    void disabling_and_enabling_say_whether_they_changed_anything() {
        PromotionalCode code = code("ONOFF", percent(10));

        assertThat(code.enable(NOW)).isFalse();
        assertThat(code.disable(NOW)).isTrue();
        assertThat(code.isEnabled()).isFalse();
        assertThat(code.disable(NOW)).isFalse();
        assertThat(code.edit(null, percent(20), IN_EUR, CodeUses.NONE, NOW)).as("a disabled code can be edited").isTrue();
        assertThat(code.isEnabled()).isFalse();
        assertThat(code.enable(NOW)).isTrue();
    }

    @Test
    void uses_taken_are_those_held_and_those_spent() {
        assertThat(new CodeUses(3, 4).taken()).isEqualTo(7);
        assertThat(CodeUses.NONE.taken()).isZero();
    }

    private static PromotionalCode code(String text, CodeTerms terms) {
        return new PromotionalCode(UUID.randomUUID(), CONFERENCE, text, terms, IN_EUR, NOW);
    }

    private static CodeTerms percent(int percent) {
        return terms(Discount.percentage(percent), CodeScope.ALL_SEAT_TYPES, null);
    }

    private static CodeTerms limit(Integer usageLimit) {
        return terms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, usageLimit);
    }

    private static CodeTerms terms(Discount discount, CodeScope scope, Integer usageLimit) {
        return new CodeTerms(discount, scope, usageLimit, null, null, false);
    }
}
