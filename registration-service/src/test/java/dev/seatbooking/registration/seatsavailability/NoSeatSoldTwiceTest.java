package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant under any mix of commands, the owner's quota (every AddSeats minus every RemoveSeats) included: the
 * seats on sale are exactly {@code max(0, quota - held - sold)}. So while any seat is on sale, on sale + held + sold
 * == quota; a seat is never held twice; and the seats on sale never exceed what the quota leaves nor go below zero,
 * even when the quota was lowered below the seats held. The seats owed are exactly {@code max(0, held + sold -
 * quota)}, so on sale + held + sold == quota + owed always.
 */
class NoSeatSoldTwiceTest {

    private static final List<UUID> SEAT_TYPES = List.of(GENERAL, WORKSHOP);
    private static final List<UUID> RESERVATIONS = List.of(ORDER, OTHER_ORDER, UUID.randomUUID(), UUID.randomUUID());

    @Test
    void the_seats_on_sale_are_what_the_quota_leaves_after_the_held_and_sold_ones_whatever_the_commands() {
        for (long seed = 1; seed <= 50; seed++) {
            runRandomCommands(new Random(seed), 200);
        }
    }

    private static void runRandomCommands(Random random, int steps) {
        var availability = new SeatsAvailability(CONFERENCE);
        Map<UUID, Integer> quota = new HashMap<>();
        Map<UUID, Integer> sold = new HashMap<>();
        for (UUID type : SEAT_TYPES) {
            availability.apply(seatsAdded(type, 0));
            quota.put(type, 0);
        }
        for (int step = 0; step < steps; step++) {
            UUID reservation = RESERVATIONS.get(random.nextInt(RESERVATIONS.size()));
            UUID seatType = SEAT_TYPES.get(random.nextInt(SEAT_TYPES.size()));
            List<? extends SeatsAvailabilityEvent> events = switch (random.nextInt(6)) {
                case 0 -> {
                    int added = random.nextInt(6);
                    quota.merge(seatType, added, Integer::sum);
                    yield availability.addSeats(addSeats(seatType, added), NOW);
                }
                case 1 -> {
                    // As Conference Management announces it: a quota never goes below zero.
                    int removed = random.nextInt(Math.min(6, quota.get(seatType) + 1));
                    quota.merge(seatType, -removed, Integer::sum);
                    yield availability.removeSeats(removeSeats(seatType, removed));
                }
                case 2 -> availability.cancelReservation(cancelReservation(reservation), NOW);
                case 3 -> availability.commitReservation(commitReservation(reservation));
                default -> availability.makeReservation(makeReservation(reservation,
                        seat(GENERAL, random.nextInt(8)), seat(WORKSHOP, random.nextInt(3))), NOW);
            };
            for (SeatsAvailabilityEvent event : events) {
                if (event instanceof SeatsReservationCommitted committed) {
                    availability.reservation(committed.reservationId()).orElseThrow()
                            .forEach(s -> sold.merge(s.seatTypeId(), s.quantity(), Integer::sum));
                }
                availability.apply(event);
            }
            for (UUID type : SEAT_TYPES) {
                int held = RESERVATIONS.stream()
                        .flatMap(r -> availability.reservation(r).orElse(List.of()).stream())
                        .filter(s -> s.seatTypeId().equals(type))
                        .mapToInt(SeatQuantity::quantity).sum();
                int taken = held + sold.getOrDefault(type, 0);
                assertThat(availability.remaining(type))
                        .as("seats of %s on sale: quota %s - held %s - sold %s, or none", type, quota.get(type), held,
                                sold.getOrDefault(type, 0))
                        .isEqualTo(Math.max(0, quota.get(type) - taken));
                assertThat(availability.owed(type)).as("seats of %s owed", type)
                        .isEqualTo(Math.max(0, taken - quota.get(type)));
            }
        }
    }
}
