package dev.seatbooking.conference.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The width of the dashboard's periods over time, in UTC: an hour or a day (PostgreSQL's {@code date_trunc} field).
 * Spelt {@code hour} / {@code day} both in the query and in the answer, so a client can send back what it was given.
 */
public enum Bucket {
    HOUR, DAY;

    /** As the API spells it, asked and answered: {@code hour} or {@code day}. */
    @JsonValue
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Bucket> parse(String text) {
        return Arrays.stream(values()).filter(bucket -> bucket.field().equals(text)).findFirst();
    }
}
