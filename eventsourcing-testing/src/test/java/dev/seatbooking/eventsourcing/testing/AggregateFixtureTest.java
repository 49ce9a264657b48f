package dev.seatbooking.eventsourcing.testing;

import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture itself: it must pass what holds and fail, readably, what does not. */
class AggregateFixtureTest {

    /** A room with a capacity: enough of an aggregate to decide, refuse and apply. */
    static final class Room implements Aggregate<Room.RoomEvent> {

        sealed interface RoomEvent {
            record Opened(int capacity) implements RoomEvent {
            }

            record Entered(int people) implements RoomEvent {
            }
        }

        static final class Full extends RuntimeException {
            Full(int capacity) {
                super("the room holds " + capacity);
            }
        }

        private int capacity;
        private int inside;

        Room(UUID id) {
        }

        List<RoomEvent> enter(int people) {
            if (people == 0) return List.of();
            if (inside + people > capacity) throw new Full(capacity);
            return List.of(new RoomEvent.Entered(people));
        }

        @Override
        public void apply(RoomEvent event) {
            switch (event) {
                case RoomEvent.Opened opened -> capacity = opened.capacity();
                case RoomEvent.Entered entered -> inside += entered.people();
            }
        }
    }

    private final AggregateFixture<Room, Room.RoomEvent> room = AggregateFixture.of(Room::new);

    @Test
    void given_events_when_a_decision_then_its_events() {
        room.given(new Room.RoomEvent.Opened(10), new Room.RoomEvent.Entered(4))
                .when(r -> r.enter(5))
                .then(new Room.RoomEvent.Entered(5))
                .state(r -> assertThat(r.inside).isEqualTo(9));
    }

    @Test
    void then_fails_with_both_lists_when_the_events_differ() {
        assertThatThrownBy(() -> room.given(new Room.RoomEvent.Opened(5)).when(r -> r.enter(2))
                .then(new Room.RoomEvent.Entered(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Entered[people=3]")
                .hasMessageContaining("Entered[people=2]");
    }

    @Test
    void a_rejection_is_expected_explicitly_and_fails_an_events_expectation() {
        Room.Full rejection = room.given(new Room.RoomEvent.Opened(3))
                .when(r -> r.enter(4))
                .thenRejectedWith(Room.Full.class);
        assertThat(rejection).hasMessageContaining("holds 3");

        assertThatThrownBy(() -> room.given(new Room.RoomEvent.Opened(3)).when(r -> r.enter(4)).thenNothing())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejected");
        assertThatThrownBy(() -> room.given(new Room.RoomEvent.Opened(3)).when(r -> r.enter(1))
                .thenRejectedWith(Room.Full.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Entered[people=1]");
    }

    @Test
    void nothing_happening_is_a_result_of_its_own() {
        room.givenNothing().when(r -> r.enter(0)).thenNothing();
    }
}
