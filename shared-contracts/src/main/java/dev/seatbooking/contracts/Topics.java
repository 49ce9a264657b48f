package dev.seatbooking.contracts;

import java.util.List;

/**
 * Kafka topic names. The key of every record is the id of the aggregate the message concerns, so one aggregate's
 * messages stay in order on one partition.
 */
public final class Topics {

    /** ConferenceEvent; key: conference id. */
    public static final String CONFERENCE_EVENTS = "conference.events";

    /**
     * OrderEvent, SeatsAvailabilityEvent, PromotionalCodeUsesEvent, SeatAssignmentsEvent; key: the stream id (order,
     * conference, the conference's code uses, seat assignments).
     */
    public static final String REGISTRATION_EVENTS = "registration.events";

    /** PaymentEvent (key: payment id) and RefundEvent (key: refund id). */
    public static final String PAYMENTS_EVENTS = "payments.events";

    /** SeatsAvailabilityCommand; key: conference id, so one partition owner is the single writer per conference. */
    public static final String SEATS_AVAILABILITY_COMMANDS = "registration.seats-availability.commands";

    /** RegistrationProcessCommand (e.g. ExpireRegistrationProcess); key: order id. */
    public static final String REGISTRATION_PROCESS_COMMANDS = "registration.process.commands";

    private Topics() {
    }

    /** Every topic above (not the dead-letter topics), e.g. to create them at start-up. */
    public static List<String> all() {
        return List.of(CONFERENCE_EVENTS, REGISTRATION_EVENTS, PAYMENTS_EVENTS, SEATS_AVAILABILITY_COMMANDS,
                REGISTRATION_PROCESS_COMMANDS);
    }
}
