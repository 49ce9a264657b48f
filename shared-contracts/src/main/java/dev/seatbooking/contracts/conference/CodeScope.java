package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.util.List;
import java.util.UUID;

/**
 * The seat types a promotional code applies to: every seat type of the conference (also those added later), or the
 * listed ones (at least one, no repeats).
 */
public record CodeScope(boolean allSeatTypes, List<UUID> seatTypeIds) {

    public static final CodeScope ALL_SEAT_TYPES = new CodeScope(true, List.of());

    public CodeScope {
        seatTypeIds = Require.optionalList(seatTypeIds, "seatTypeIds");
        if (allSeatTypes && !seatTypeIds.isEmpty()) {
            throw new IllegalArgumentException("a code for every seat type lists none");
        }
        if (!allSeatTypes && seatTypeIds.isEmpty()) {
            throw new IllegalArgumentException("a code for chosen seat types lists at least one");
        }
        if (seatTypeIds.stream().distinct().count() != seatTypeIds.size()) {
            throw new IllegalArgumentException("seatTypeIds repeats a seat type");
        }
    }

    public static CodeScope of(List<UUID> seatTypeIds) {
        return new CodeScope(false, seatTypeIds);
    }

    public boolean covers(UUID seatTypeId) {
        return allSeatTypes || seatTypeIds.contains(seatTypeId);
    }
}
