package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.function.Function;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot is only a cache: restored from its JSON, the aggregate must decide exactly as the replayed one. */
class SeatsAvailabilitySnapshotTest {

    // As the library's AggregateRepository stores snapshots.
    private final JsonMapper json = JsonMapper.builder().build();

    private static final List<SeatsAvailabilityEvent> HISTORY = List.of(
            seatsAdded(GENERAL, 10), seatsAdded(WORKSHOP, 4),
            seatsReserved(ORDER, holding(seat(GENERAL, 3), seat(WORKSHOP, 2)),
                    availabilityChanged(change(GENERAL, -3), change(WORKSHOP, -2))),
            seatsReserved(OTHER_ORDER, GENERAL, 5),
            quotaLowered(WORKSHOP, 2, 1)); // 2 on sale, 3 removed: 1 owed

    private static final List<Function<SeatsAvailability, List<SeatsAvailabilityEvent>>> DECISIONS = List.of(
            a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), NOW),
            a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 9), seat(WORKSHOP, 9)), NOW),
            a -> a.cancelReservation(cancelReservation(OTHER_ORDER), NOW),
            a -> a.commitReservation(commitReservation(ORDER)),
            a -> a.removeSeats(removeSeats(GENERAL, 5)),
            a -> a.addSeats(addSeats(WORKSHOP, 0), NOW),
            a -> a.addSeats(addSeats(WORKSHOP, 3), NOW),
            a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 3)), NOW));

    @Test
    void a_restored_snapshot_decides_as_the_replayed_stream() {
        SeatsAvailability replayed = replay();
        String stored = json.writeValueAsString(SeatsAvailability.SNAPSHOTS.take(replayed));
        SeatsAvailability restored = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE,
                json.readValue(stored, SeatsAvailability.SNAPSHOTS.snapshotType()));

        assertThat(restored.remainingSeats()).isEqualTo(replayed.remainingSeats());
        assertThat(restored.owed(WORKSHOP)).isEqualTo(replayed.owed(WORKSHOP)).isEqualTo(1);
        for (var decision : DECISIONS) {
            // Each decision on fresh copies, so that one does not feed the next.
            SeatsAvailability fromEvents = replay();
            SeatsAvailability fromSnapshot = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE,
                    json.readValue(stored, SeatsAvailability.SNAPSHOTS.snapshotType()));
            assertThat(decision.apply(fromSnapshot)).isEqualTo(decision.apply(fromEvents));
        }
    }

    @Test
    void the_snapshot_reads_as_seats_on_sale_pending_reservations_and_seats_owed() {
        String stored = json.writeValueAsString(SeatsAvailability.SNAPSHOTS.take(replay()));
        assertThat(stored).isEqualTo("""
                {"remaining":[{"seatTypeId":"%s","quantity":2},{"seatTypeId":"%s","quantity":0}],\
                "pendingReservations":[{"reservationId":"%s","seats":[{"seatTypeId":"%s","quantity":3},\
                {"seatTypeId":"%s","quantity":2}]},{"reservationId":"%s","seats":[{"seatTypeId":"%s","quantity":5}]}],\
                "owed":[{"seatTypeId":"%s","quantity":1}],"waitlist":[]}"""
                .formatted(GENERAL, WORKSHOP, ORDER, GENERAL, WORKSHOP, OTHER_ORDER, GENERAL, WORKSHOP));
    }

    /** GENERAL sold out; ENTRY was offered 2 of the 3 it wants, SECOND_ENTRY waits behind it. */
    private static final List<SeatsAvailabilityEvent> WAITING = List.of(
            seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 2), seatsReserved(OTHER_ORDER, GENERAL, 2),
            joined(ENTRY, GENERAL, 3), joined(SECOND_ENTRY, GENERAL, 2), reservationCancelled(ORDER),
            offerMade(ENTRY, GENERAL, 2));

    private static final List<Function<SeatsAvailability, List<SeatsAvailabilityEvent>>> WAITLIST_DECISIONS = List.of(
            a -> a.cancelReservation(cancelReservation(OTHER_ORDER), NOW),
            a -> a.expireOffer(expireOffer(ENTRY), OFFER_END),
            a -> a.leaveWaitlist(leaveWaitlist(ENTRY), NOW),
            a -> a.leaveWaitlist(leaveWaitlist(SECOND_ENTRY), NOW),
            a -> a.acceptOffer(acceptOffer(ENTRY, ORDER)),
            a -> a.joinWaitlist(joinWaitlist(THIRD_ENTRY, GENERAL, 1), NOW),
            a -> a.addSeats(addSeats(GENERAL, 2), NOW),
            a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 1)), NOW));

    @Test
    void a_restored_snapshot_with_a_waitlist_decides_as_the_replayed_stream() {
        SeatsAvailability replayed = replay(WAITING);
        String stored = json.writeValueAsString(SeatsAvailability.SNAPSHOTS.take(replayed));
        assertThat(stored).contains("\"waitlist\":[{\"entryId\":\"%s\",\"seatTypeId\":\"%s\",\"quantity\":3,\"offered\":2,"
                .formatted(ENTRY, GENERAL));
        for (var decision : WAITLIST_DECISIONS) {
            SeatsAvailability fromSnapshot = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE,
                    json.readValue(stored, SeatsAvailability.SNAPSHOTS.snapshotType()));
            assertThat(decision.apply(fromSnapshot)).isEqualTo(decision.apply(replay(WAITING)));
        }
    }

    @Test
    void a_version_2_snapshot_still_reads_with_nobody_waiting() {
        String version2 = json.writeValueAsString(SeatsAvailability.SNAPSHOTS.take(replay()))
                .replace(",\"waitlist\":[]", "");
        SeatsAvailability restored = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE,
                json.readValue(version2, SeatsAvailability.SNAPSHOTS.snapshotType()));

        assertThat(restored.remainingSeats()).isEqualTo(replay().remainingSeats());
        assertThat(restored.waitlist(GENERAL)).isEmpty();
        for (var decision : DECISIONS) {
            SeatsAvailability fromVersion2 = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE,
                    json.readValue(version2, SeatsAvailability.SNAPSHOTS.snapshotType()));
            assertThat(decision.apply(fromVersion2)).isEqualTo(decision.apply(replay()));
        }
    }

    @Test
    void an_empty_conference_round_trips_too() {
        var empty = new SeatsAvailability(CONFERENCE);
        String stored = json.writeValueAsString(SeatsAvailability.SNAPSHOTS.take(empty));
        var restored = SeatsAvailability.SNAPSHOTS.restore(CONFERENCE, json.readValue(stored, SeatsAvailabilitySnapshot.class));
        assertThat(restored.remainingSeats()).isEmpty();
    }

    @Test
    void a_snapshot_taken_before_seats_could_be_owed_is_not_used_so_the_stream_is_replayed() {
        assertThat(SeatsAvailability.SNAPSHOTS.schemaVersion()).as("version 1 had no seats owed").isGreaterThan(1);
        assertThat(SeatsAvailability.SNAPSHOTS.schemaVersion()).as("version 2 had no waitlist").isEqualTo(3);
    }

    private static SeatsAvailability replay() {
        return replay(HISTORY);
    }

    private static SeatsAvailability replay(List<SeatsAvailabilityEvent> history) {
        var availability = new SeatsAvailability(CONFERENCE);
        history.forEach(availability::apply);
        return availability;
    }
}
