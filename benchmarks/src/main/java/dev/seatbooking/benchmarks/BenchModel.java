package dev.seatbooking.benchmarks;

import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.eventsourcing.aggregate.AggregateType;
import dev.seatbooking.eventsourcing.aggregate.Snapshotting;
import dev.seatbooking.eventsourcing.store.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

/**
 * The benchmark's own small aggregate and event (test classes of the library are not on this classpath):
 * a seat-availability counter fed by {@code SeatsReserved} events of a fixed JSON size.
 */
final class BenchModel {

    static final String STREAM_TYPE = "SeatAvailability";

    private BenchModel() {
    }

    sealed interface SeatEvent permits SeatsReserved {
    }

    record SeatQuantity(UUID seatType, int quantity) {
    }

    record SeatsReserved(UUID conferenceId, UUID reservationId, List<SeatQuantity> seats, String note)
            implements SeatEvent {
    }

    /** One event of the benchmark: always the same JSON length (UUIDs and numbers of fixed width). */
    static SeatsReserved sampleEvent() {
        return new SeatsReserved(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new SeatQuantity(UUID.randomUUID(), 2), new SeatQuantity(UUID.randomUUID(), 3)),
                "reserved through the registration process by the benchmark load generator");
    }

    /** What a snapshot keeps: the state, not the replay bookkeeping. */
    record Snapshot(long reservedSeats, int events) {
    }

    static final class SeatAvailability implements Aggregate<SeatEvent> {
        private long reservedSeats;
        private int events;
        private int replayed; // events applied to this instance since it was created or restored

        SeatAvailability(UUID id) {
        }

        @Override
        public void apply(SeatEvent event) {
            switch (event) {
                case SeatsReserved e -> {
                    for (SeatQuantity q : e.seats()) reservedSeats += q.quantity();
                }
            }
            events++;
            replayed++;
        }

        int events() {
            return events;
        }

        int replayed() {
            return replayed;
        }

        long reservedSeats() {
            return reservedSeats;
        }
    }

    static final AggregateType<SeatAvailability, SeatEvent> TYPE =
            new AggregateType<>(STREAM_TYPE, SeatEvent.class, SeatAvailability::new);

    static final Snapshotting<SeatAvailability, Snapshot> SNAPSHOTS = new Snapshotting<>() {
        @Override
        public Class<Snapshot> snapshotType() {
            return Snapshot.class;
        }

        @Override
        public int schemaVersion() {
            return 1;
        }

        @Override
        public Snapshot take(SeatAvailability aggregate) {
            return new Snapshot(aggregate.reservedSeats, aggregate.events);
        }

        @Override
        public SeatAvailability restore(UUID id, Snapshot snapshot) {
            SeatAvailability aggregate = new SeatAvailability(id);
            aggregate.reservedSeats = snapshot.reservedSeats();
            aggregate.events = snapshot.events();
            return aggregate;
        }
    };

    /** Type name by simple class name, schema version 1, JSON by Jackson: what a service's serializer does. */
    static final class Serializer implements EventSerializer {
        private final JsonMapper json = JsonMapper.builder().build();

        @Override
        public Serialized serialize(Object event) {
            return new Serialized(event.getClass().getSimpleName(), 1, json.writeValueAsString(event));
        }

        @Override
        public Object deserialize(String type, int schemaVersion, String payload) {
            if (!"SeatsReserved".equals(type)) throw new IllegalArgumentException("Unknown event type " + type);
            return json.readValue(payload, SeatsReserved.class);
        }
    }
}
