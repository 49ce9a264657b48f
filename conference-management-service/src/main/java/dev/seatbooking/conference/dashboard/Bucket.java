package dev.seatbooking.conference.dashboard;

import java.util.Arrays;
import java.util.Optional;

/** The width of the dashboard's periods over time, in UTC: an hour or a day (PostgreSQL's {@code date_trunc} field). */
public enum Bucket {
    HOUR, DAY;

    /** As the API spells it: {@code hour} or {@code day}. */
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Bucket> parse(String text) {
        return Arrays.stream(values()).filter(bucket -> bucket.field().equals(text)).findFirst();
    }
}
