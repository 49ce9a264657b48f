package dev.seatbooking.contracts.conference;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConferenceDatesTest {

    private static final LocalDate DAY = LocalDate.of(2027, 5, 10);

    @Test
    void a_conference_may_last_one_day_or_more() {
        assertThat(new ConferenceDates(DAY, DAY).endDate()).isEqualTo(DAY);
        assertThat(ConferenceDates.inOrder(DAY, DAY.plusDays(2))).isTrue();
    }

    @Test
    void it_cannot_end_before_it_starts() {
        assertThat(ConferenceDates.inOrder(DAY, DAY.minusDays(1))).isFalse();
        assertThatThrownBy(() -> new ConferenceDates(DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before startDate");
    }

    @Test
    void both_days_are_needed() {
        assertThatThrownBy(() -> new ConferenceDates(null, DAY)).hasMessageContaining("startDate");
        assertThatThrownBy(() -> new ConferenceDates(DAY, null)).hasMessageContaining("endDate");
    }
}
