package dev.seatbooking.eventsourcing.aggregate;

import dev.seatbooking.eventsourcing.support.Counter;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Limited;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture itself: it must pass what holds and fail, readably, what does not. */
class AggregateFixtureTest {

    private final AggregateFixture<Counter, CounterEvent> counter = AggregateFixture.of(Counter::new);

    @Test
    void given_events_when_a_decision_then_its_events() {
        counter.given(new Limited(10), new Incremented(4))
                .when(c -> c.increment(5))
                .then(new Incremented(5))
                .state(c -> assertThat(c.value()).isEqualTo(9));
    }

    @Test
    void then_fails_with_both_lists_when_the_events_differ() {
        assertThatThrownBy(() -> counter.givenNothing().when(c -> c.increment(2)).then(new Incremented(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Incremented[by=3]")
                .hasMessageContaining("Incremented[by=2]");
    }

    @Test
    void a_rejection_is_expected_explicitly_and_fails_an_events_expectation() {
        Counter.OverLimit rejection = counter.given(new Limited(3))
                .when(c -> c.increment(4))
                .thenRejectedWith(Counter.OverLimit.class);
        assertThat(rejection).hasMessageContaining("limit of 3");

        assertThatThrownBy(() -> counter.given(new Limited(3)).when(c -> c.increment(4)).thenNothing())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejected");
        assertThatThrownBy(() -> counter.givenNothing().when(c -> c.increment(1)).thenRejectedWith(Counter.OverLimit.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Incremented[by=1]");
    }

    @Test
    void nothing_happening_is_a_result_of_its_own() {
        counter.givenNothing().when(c -> c.increment(0)).thenNothing();
    }
}
