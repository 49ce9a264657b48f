package dev.seatbooking.eventsourcing.testing;

import dev.seatbooking.eventsourcing.aggregate.Aggregate;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Specification-style tests for event-sourced aggregates: given past events, when a decision, then the
 * new events (or a rejection).
 * <pre>{@code
 * AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
 *         AggregateFixture.of(SeatsAvailability::new, CONFERENCE);
 *
 * availability.given(seatsAdded(GENERAL, 10), seatsReserved(OTHER_ORDER, GENERAL, 8))
 *         .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 5)), NOW))
 *         .then(seatsReserved(ORDER, holding(seat(GENERAL, 2)), availabilityChanged(change(GENERAL, -2))));
 * }</pre>
 * (registration's {@code MakingAReservationTest}; the helpers are its test data.)
 * The events a decision returns are applied to the aggregate too, so an event that {@code apply}
 * cannot take fails the test; {@link Then#state} then checks the state they led to.
 */
public final class AggregateFixture<A extends Aggregate<E>, E> {

    private final Function<UUID, A> factory;
    private final UUID id;

    private AggregateFixture(Function<UUID, A> factory, UUID id) {
        this.factory = factory;
        this.id = id;
    }

    public static <A extends Aggregate<E>, E> AggregateFixture<A, E> of(Function<UUID, A> factory, UUID id) {
        return new AggregateFixture<>(factory, id);
    }

    public static <A extends Aggregate<E>, E> AggregateFixture<A, E> of(Function<UUID, A> factory) {
        return of(factory, UUID.randomUUID());
    }

    @SafeVarargs
    public final Given given(E... past) {
        return given(List.of(past));
    }

    public Given given(List<? extends E> past) {
        A aggregate = factory.apply(id);
        past.forEach(aggregate::apply);
        return new Given(aggregate);
    }

    /** No past events: the aggregate before its first command. */
    public Given givenNothing() {
        return given(List.of());
    }

    public final class Given {
        private final A aggregate;

        private Given(A aggregate) {
            this.aggregate = aggregate;
        }

        public Then when(Function<? super A, ? extends List<? extends E>> decision) {
            try {
                List<? extends E> events = List.copyOf(decision.apply(aggregate));
                events.forEach(aggregate::apply);
                return new Then(aggregate, events, null);
            } catch (RuntimeException rejected) {
                return new Then(aggregate, List.of(), rejected);
            }
        }
    }

    public final class Then {
        private final A aggregate;
        private final List<? extends E> events;
        private final RuntimeException rejection;

        private Then(A aggregate, List<? extends E> events, RuntimeException rejection) {
            this.aggregate = aggregate;
            this.events = events;
            this.rejection = rejection;
        }

        /** Exactly these events, in this order. */
        @SafeVarargs
        public final Then then(E... expected) {
            failOnRejection();
            if (!events.equals(Arrays.asList(expected))) {
                throw new AssertionError("Expected events:\n  " + lines(Arrays.asList(expected))
                        + "\nbut got:\n  " + lines(events));
            }
            return this;
        }

        /** The decision accepted the command and changed nothing. */
        public Then thenNothing() {
            return then();
        }

        /** The decision refused the command with this exception type; nothing happened. */
        public <X extends RuntimeException> X thenRejectedWith(Class<X> type) {
            if (rejection == null) {
                throw new AssertionError("Expected a " + type.getSimpleName() + " but got events:\n  " + lines(events));
            }
            if (!type.isInstance(rejection)) {
                throw new AssertionError("Expected a " + type.getSimpleName() + " but got " + rejection, rejection);
            }
            return type.cast(rejection);
        }

        /** Checks on the state the events led to. */
        public Then state(Consumer<? super A> check) {
            failOnRejection();
            check.accept(aggregate);
            return this;
        }

        public List<? extends E> events() {
            failOnRejection();
            return events;
        }

        private void failOnRejection() {
            if (rejection != null) throw new AssertionError("The command was rejected: " + rejection, rejection);
        }

        private static String lines(List<?> list) {
            if (list.isEmpty()) return "(none)";
            StringBuilder sb = new StringBuilder();
            for (Object o : list) sb.append(sb.isEmpty() ? "" : "\n  ").append(o);
            return sb.toString();
        }
    }
}
