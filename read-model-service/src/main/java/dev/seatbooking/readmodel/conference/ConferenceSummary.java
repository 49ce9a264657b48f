package dev.seatbooking.readmodel.conference;

import java.time.LocalDate;
import java.util.UUID;

/** A published conference in the list. */
public record ConferenceSummary(UUID id, String slug, String name, String tagline, String location,
                                LocalDate startDate, LocalDate endDate, long version) {
}
