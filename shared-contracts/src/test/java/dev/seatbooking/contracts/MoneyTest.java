package dev.seatbooking.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_are_normalized_to_the_minor_unit_of_the_currency() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10.5", "EUR").amount()).isEqualByComparingTo("10.50").hasScaleOf(2);
        assertThat(Money.of("1500", "JPY").amount()).hasScaleOf(0);
        assertThat(Money.of("1E+3", "USD").amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void an_amount_finer_than_the_minor_unit_is_rejected_not_rounded() {
        assertThatThrownBy(() -> Money.of("10.005", "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.005").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currency_must_be_an_iso_4217_code() {
        assertThatThrownBy(() -> Money.of("1", "EURO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EURO'");
        assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "XXX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("currency is required");
        assertThatThrownBy(() -> new Money(null, "EUR")).isInstanceOf(NullPointerException.class)
                .hasMessage("amount is required");
    }

    @Test
    void negative_amounts_are_rejected() {
        assertThatThrownBy(() -> Money.of("-0.01", "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmetic_is_exact() {
        // 0.1 + 0.2 is 0.30000000000000004 in double.
        assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("199.99", "USD").times(3)).isEqualTo(Money.of("599.97", "USD"));
        assertThat(Money.of("12345678901234567.89", "EUR").plus(Money.of("0.01", "EUR")))
                .isEqualTo(Money.of("12345678901234567.90", "EUR"));
        assertThat(Money.of("5.00", "EUR").times(0)).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void zero_is_zero_in_its_currency() {
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(Money.zero("EUR").currency()).isEqualTo("EUR");
        assertThat(Money.of("0.01", "EUR").isZero()).isFalse();
        assertThat(Money.zero("EUR")).isNotEqualTo(Money.zero("USD"));
    }

    @Test
    void mismatched_currencies_are_rejected() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different currencies");
    }

    @Test
    void negative_factors_are_rejected() {
        assertThatThrownBy(() -> Money.of("1", "EUR").times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_public_member_takes_or_returns_a_double_or_float() {
        Stream<Executable> members = Stream.concat(
                Arrays.stream(Money.class.getConstructors()), Arrays.stream(Money.class.getMethods()));
        assertThat(members)
                .filteredOn(m -> m.getDeclaringClass() == Money.class)
                .allSatisfy(m -> {
                    assertThat(m.getParameterTypes()).doesNotContain(double.class, float.class, Double.class, Float.class);
                    if (m instanceof Method method) {
                        assertThat(method.getReturnType()).isNotIn(double.class, float.class, Double.class, Float.class);
                    }
                });
    }

    @Test
    void prints_as_amount_and_currency() {
        assertThat(Money.of("12.5", "EUR")).hasToString("12.50 EUR");
    }
}
