package dev.seatbooking.registration.conference;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/** An order for a conference Conference Management never announced. */
public final class UnknownConference extends DomainRejection {

    public UnknownConference(UUID conferenceId) {
        super(Kind.UNKNOWN, "unknown-conference", "Conference " + conferenceId + " does not exist");
    }
}
