package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
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
 * The invariant under any mix of commands: every seat put on sale is on sale, held by exactly one reservation, or
 * sold; the seats on sale never go below zero.
 */
class NoSeatSoldTwiceTest {

    private static final List<UUID> SEAT_TYPES = List.of(GENERAL, WORKSHOP);
    private static final List<UUID> RESERVATIONS = List.of(ORDER, OTHER_ORDER, UUID.randomUUID(), UUID.randomUUID());

    @Test
    void every_seat_is_on_sale_held_once_or_sold_whatever_the_commands() {
        for (long seed = 1; seed <= 50; seed++) {
            runRandomCommands(new Random(seed), 200);
        }
    }

    private static void runRandomCommands(Random random, int steps) {
        var availability = new SeatsAvailability(CONFERENCE);
        Map<UUID, Integer> supplied = new HashMap<>();
        Map<UUID, Integer> sold = new HashMap<>();
        for (UUID type : SEAT_TYPES) {
            availability.apply(seatsAdded(type, 0));
            supplied.put(type, 0);
        }
        for (int step = 0; step < steps; step++) {
            UUID reservation = RESERVATIONS.get(random.nextInt(RESERVATIONS.size()));
            UUID seatType = SEAT_TYPES.get(random.nextInt(SEAT_TYPES.size()));
            List<? extends SeatsAvailabilityEvent> events = switch (random.nextInt(6)) {
                case 0 -> availability.addSeats(addSeats(seatType, random.nextInt(6)));
                case 1 -> availability.removeSeats(removeSeats(seatType, random.nextInt(6)));
                case 2 -> availability.cancelReservation(cancelReservation(reservation));
                case 3 -> availability.commitReservation(commitReservation(reservation));
                default -> availability.makeReservation(makeReservation(reservation,
                        seat(GENERAL, random.nextInt(8)), seat(WORKSHOP, random.nextInt(3))), NOW);
            };
            for (SeatsAvailabilityEvent event : events) {
                if (event instanceof AvailableSeatsChanged changed) {
                    changed.seats().forEach(s -> supplied.merge(s.seatTypeId(), s.quantity(), Integer::sum));
                }
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
                assertThat(availability.remaining(type)).as("seats of %s on sale", type).isNotNegative();
                assertThat(availability.remaining(type) + held + sold.getOrDefault(type, 0))
                        .as("seats of %s on sale + held + sold", type)
                        .isEqualTo(supplied.getOrDefault(type, 0));
            }
        }
    }
}
