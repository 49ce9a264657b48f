package dev.seatbooking.conference.promotion;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a code's terms are checked against: the conference's seat types, and the one currency its prices and
 * fixed-amount codes share (none before the first of them).
 */
public record ConferenceFacts(Set<UUID> seatTypeIds, Optional<String> currency) {

    public ConferenceFacts {
        seatTypeIds = Set.copyOf(seatTypeIds);
        Objects.requireNonNull(currency, "currency");
    }
}
