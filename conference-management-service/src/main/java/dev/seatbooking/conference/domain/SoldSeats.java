package dev.seatbooking.conference.domain;

import java.util.UUID;

/** How many seats of a seat type confirmed orders hold (kept from registration's events). */
public interface SoldSeats {

    int soldOf(UUID seatTypeId);
}
