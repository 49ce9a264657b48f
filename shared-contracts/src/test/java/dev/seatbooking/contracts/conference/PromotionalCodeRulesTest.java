package dev.seatbooking.contracts.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatbooking.contracts.Money;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromotionalCodeRulesTest {

    private static final UUID GENERAL = UUID.randomUUID();

    @Test
    void a_code_is_case_insensitive_and_kept_upper_case() {
        assertThat(PromotionalCodeText.normalize("speaker-2026_a")).isEqualTo("SPEAKER-2026_A");
    }

    @Test
    void a_code_is_three_to_thirty_two_plain_characters() {
        assertThat(PromotionalCodeText.isValid("abc")).isTrue();
        assertThat(PromotionalCodeText.isValid("A".repeat(32))).isTrue();
        assertThat(PromotionalCodeText.isValid("AB")).isFalse();
        assertThat(PromotionalCodeText.isValid("A".repeat(33))).isFalse();
        assertThat(PromotionalCodeText.isValid("TEN %")).isFalse();
        assertThat(PromotionalCodeText.isValid("ÉTÉ2026")).isFalse();
        assertThatThrownBy(() -> PromotionalCodeText.normalize("a b")).hasMessageContaining("letters A-Z");
    }

    @Test
    void a_percentage_is_one_to_a_hundred_and_a_fixed_amount_is_positive() {
        assertThat(Discount.percentage(1).percent()).isEqualTo(1);
        assertThat(Discount.percentage(100).percent()).isEqualTo(100);
        assertThatThrownBy(() -> Discount.percentage(0)).hasMessageContaining("1-100");
        assertThatThrownBy(() -> Discount.percentage(101)).hasMessageContaining("1-100");
        assertThatThrownBy(() -> Discount.fixedAmount(Money.zero("EUR"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Discount(Discount.Kind.PERCENTAGE, 10, Money.of("5", "EUR")))
                .hasMessageContaining("no amount");
    }

    @Test
    void a_scope_is_every_seat_type_or_a_non_empty_set() {
        assertThat(CodeScope.ALL_SEAT_TYPES.covers(GENERAL)).isTrue();
        assertThat(CodeScope.of(List.of(GENERAL)).covers(GENERAL)).isTrue();
        assertThat(CodeScope.of(List.of(GENERAL)).covers(UUID.randomUUID())).isFalse();
        assertThatThrownBy(() -> CodeScope.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> CodeScope.of(List.of(GENERAL, GENERAL))).hasMessageContaining("repeats");
    }
}
