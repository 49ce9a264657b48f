package dev.seatbooking.conference.domain;

import java.util.UUID;

/** Why a change to a conference was refused. The API turns each kind into its own problem type. */
public abstract sealed class ConferenceRejection extends RuntimeException {

    private ConferenceRejection(String message) {
        super(message, null, false, false);
    }

    public static final class ConferenceNotFound extends ConferenceRejection {
        public ConferenceNotFound(UUID conferenceId) {
            super("There is no conference " + conferenceId);
        }
    }

    public static final class SeatTypeNotFound extends ConferenceRejection {
        public SeatTypeNotFound(UUID seatTypeId) {
            super("This conference has no seat type " + seatTypeId);
        }
    }

    public static final class SlugTaken extends ConferenceRejection {
        public SlugTaken(String slug) {
            super("The slug '" + slug + "' is already taken by another conference");
        }
    }

    /** A create replayed with a conference id that exists: nothing is created twice. */
    public static final class ConferenceAlreadyExists extends ConferenceRejection {
        public ConferenceAlreadyExists(UUID conferenceId) {
            super("A conference with id " + conferenceId + " already exists; its access code is shown only once");
        }
    }

    public static final class SeatTypeAlreadyExists extends ConferenceRejection {
        public SeatTypeAlreadyExists(UUID seatTypeId) {
            super("A seat type with id " + seatTypeId + " already exists; edit it with PUT");
        }
    }

    /** Seat types were announced to the other contexts at the first publication: they can no longer go. */
    public static final class ConferenceWasPublished extends ConferenceRejection {
        public ConferenceWasPublished() {
            super("Seat types can be deleted only while the conference has never been published");
        }
    }

    public static final class SeatsAlreadySold extends ConferenceRejection {
        private final int sold;

        public SeatsAlreadySold(String seatType, int requested, int sold) {
            super("The quantity of '" + seatType + "' cannot be " + requested + ": " + sold
                    + " seats of it are already sold");
            this.sold = sold;
        }

        public int sold() {
            return sold;
        }
    }

    /**
     * An order adds up its lines (and takes fixed-amount discounts off them), which it can only do in one currency.
     */
    public static final class CurrencyMismatch extends ConferenceRejection {
        public CurrencyMismatch(String conferenceCurrency, String given) {
            this("seat types are priced", conferenceCurrency, given);
        }

        /** @param pricedBy what holds the conference's currency already, e.g. "fixed-amount promotional codes are" */
        public CurrencyMismatch(String pricedBy, String conferenceCurrency, String given) {
            super("This conference's " + pricedBy + " in " + conferenceCurrency + ", not " + given
                    + ": an order cannot add up prices in different currencies");
        }
    }
}
