package dev.seatbooking.registration;

import dev.seatbooking.contracts.registration.SeatQuantity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How many seats of each seat type: the one way this context adds up, compares and lists lines of seats (an order's,
 * a reservation's). Immutable.
 * <ul>
 *   <li>One quantity per seat type, in the order the types were first named: lines of one type are added up.</li>
 *   <li>A seat type whose quantity is zero is not there ({@link #of(UUID)} answers 0 for it), so lines that differ only
 *       by zero lines are the same seats.</li>
 *   <li>Added exactly ({@link Math#addExact}): a sum beyond int's range throws {@link ArithmeticException} rather than
 *       wrapping around into a small, empty or negative quantity.</li>
 *   <li>Equal when every seat type has the same quantity, whatever order the lines came in.</li>
 * </ul>
 * Quantities may be negative, as {@link SeatQuantity}'s may (a change of the seats on sale); callers that take only
 * positive ones check their lines first.
 */
public final class SeatQuantities {

    private final Map<UUID, Integer> bySeatType;

    private SeatQuantities(Map<UUID, Integer> bySeatType) {
        this.bySeatType = Collections.unmodifiableMap(bySeatType);
    }

    /** @throws ArithmeticException a seat type's lines add up beyond int's range */
    public static SeatQuantities of(List<SeatQuantity> lines) {
        Map<UUID, Integer> sums = new LinkedHashMap<>();
        for (SeatQuantity line : lines) sums.merge(line.seatTypeId(), line.quantity(), Math::addExact);
        sums.values().removeIf(quantity -> quantity == 0);
        return new SeatQuantities(sums);
    }

    /** The quantity of a seat type; 0 for one that is not there. */
    public int of(UUID seatTypeId) {
        return bySeatType.getOrDefault(seatTypeId, 0);
    }

    /** The seat types there are seats of, in the order first named. */
    public Set<UUID> seatTypes() {
        return bySeatType.keySet();
    }

    /** One line per seat type, in the order first named: the form events carry. */
    public List<SeatQuantity> asList() {
        return bySeatType.entrySet().stream().map(e -> new SeatQuantity(e.getKey(), e.getValue())).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeatQuantities other && bySeatType.equals(other.bySeatType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bySeatType);
    }

    @Override
    public String toString() {
        return "SeatQuantities" + bySeatType;
    }
}
