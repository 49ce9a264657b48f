package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;

import java.time.LocalDate;

/**
 * A conference's first and last day: the one home of "the end is not before the start" (a one-day conference ends
 * the day it starts), for the events, conference management's domain and the admin API's field check.
 */
public record ConferenceDates(LocalDate startDate, LocalDate endDate) {

    public ConferenceDates {
        Require.nonNull(startDate, "startDate");
        Require.nonNull(endDate, "endDate");
        if (!inOrder(startDate, endDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
    }

    /** Whether these days can be a conference's first and last. */
    public static boolean inOrder(LocalDate startDate, LocalDate endDate) {
        return !endDate.isBefore(startDate);
    }
}
