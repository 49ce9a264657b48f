package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.DomainRejection;

import java.time.Instant;
import java.util.UUID;

/** Why the Order refused a command. Nothing was decided; the order is as it was. */
public abstract sealed class OrderRejection extends DomainRejection {

    private OrderRejection(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    // Each message starts by naming what it is about, always in the same words: built once here.

    private static String order(UUID orderId, String what) {
        return "Order " + orderId + " " + what;
    }

    private static String seatsOf(UUID orderId, String what) {
        return "The seats of order " + orderId + " " + what;
    }

    private static String seatTypeAsked(UUID seatTypeId, int quantity, String rule) {
        return "Seat type " + seatTypeId + " is asked " + quantity + " times: " + rule;
    }

    private static String promotionalCode(String code, String what) {
        return "Promotional code " + code + " " + what;
    }

    /** A command for an order that was never placed. */
    public static final class UnknownOrder extends OrderRejection {
        public UnknownOrder(UUID orderId) {
            super(Kind.UNKNOWN, "unknown-order", order(orderId, "does not exist"));
        }
    }

    public static final class ConferenceNotPublished extends OrderRejection {
        public ConferenceNotPublished(UUID conferenceId) {
            super(Kind.RULE_VIOLATION, "conference-not-published",
                    "Conference " + conferenceId + " is not published: it takes no orders");
        }
    }

    /** An order id that is already used for another conference's order. */
    public static final class OrderOfAnotherConference extends OrderRejection {
        public OrderOfAnotherConference(UUID orderId, UUID orderConference, UUID requestedConference) {
            super(Kind.STATE_CONFLICT, "order-of-another-conference",
                    order(orderId, "is for conference " + orderConference + ", not " + requestedConference));
        }
    }

    public static final class NoSeatsRequested extends OrderRejection {
        public NoSeatsRequested() {
            super(Kind.RULE_VIOLATION, "no-seats-requested", "An order needs at least one seat");
        }
    }

    public static final class InvalidSeatQuantity extends OrderRejection {
        public InvalidSeatQuantity(UUID seatTypeId, int quantity) {
            super(Kind.RULE_VIOLATION, "invalid-seat-quantity",
                    seatTypeAsked(seatTypeId, quantity, "a quantity must be more than 0"));
        }
    }

    public static final class TooManySeats extends OrderRejection {
        public TooManySeats(UUID seatTypeId, int quantity, int maximum) {
            super(Kind.RULE_VIOLATION, "too-many-seats",
                    seatTypeAsked(seatTypeId, quantity, "one order takes at most " + maximum + " seats of a type"));
        }
    }

    public static final class UnknownSeatType extends OrderRejection {
        public UnknownSeatType(UUID conferenceId, UUID seatTypeId) {
            super(Kind.RULE_VIOLATION, "unknown-seat-type",
                    "Conference " + conferenceId + " has no seat type " + seatTypeId);
        }
    }

    /** The seat types asked for are priced in different currencies, so the order has no total. */
    public static final class MixedCurrencies extends OrderRejection {
        public MixedCurrencies(UUID conferenceId) {
            super(Kind.RULE_VIOLATION, "mixed-currencies",
                    "The seat types ordered from conference " + conferenceId + " are priced in different currencies");
        }
    }

    public static final class OrderAlreadyConfirmed extends OrderRejection {
        public OrderAlreadyConfirmed(UUID orderId) {
            super(Kind.STATE_CONFLICT, "order-confirmed", order(orderId, "is already confirmed"));
        }
    }

    /** Only a confirmed order can be cancelled: one not confirmed yet simply expires if nobody pays. */
    public static final class OrderNotConfirmed extends OrderRejection {
        public OrderNotConfirmed(UUID orderId, OrderStatus status) {
            super(Kind.STATE_CONFLICT, "order-not-confirmed", order(orderId, "is not confirmed ("
                    + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): only a confirmed order"
                    + " can be cancelled"));
        }
    }

    public static final class OrderAlreadyCancelled extends OrderRejection {
        public OrderAlreadyCancelled(UUID orderId) {
            super(Kind.STATE_CONFLICT, "order-cancelled", order(orderId, "is cancelled"));
        }
    }

    /**
     * The registrant asked to cancel after the conference's cut-off (the owner still may).
     *
     * @param deadline the last instant (exclusive) a registrant could cancel; null if the conference's start is not
     *                 known to registration yet (announced before it kept it)
     */
    public static final class CancellationCutoffPassed extends OrderRejection {
        private final Instant deadline;

        public CancellationCutoffPassed(UUID orderId, Instant deadline) {
            super(Kind.STATE_CONFLICT, "cancellation-cutoff-passed", order(orderId, deadline == null
                    ? "cannot be cancelled by the registrant: the conference's start is not known yet; ask the"
                    + " conference's owner"
                    : "could be cancelled by the registrant until " + deadline + "; ask the conference's owner"));
            this.deadline = deadline;
        }

        public Instant deadline() {
            return deadline;
        }
    }

    public static final class OrderAlreadyExpired extends OrderRejection {
        public OrderAlreadyExpired(UUID orderId) {
            super(Kind.STATE_CONFLICT, "order-expired", order(orderId, "has expired"));
        }
    }

    /** The registrant acts after the countdown ran out (the seats may still be held for a buffer, but not for them). */
    public static final class ReservationHoldOver extends OrderRejection {
        public ReservationHoldOver(UUID orderId, Instant heldUntil) {
            super(Kind.STATE_CONFLICT, "reservation-hold-over", seatsOf(orderId, "were held until " + heldUntil));
        }
    }

    /** Confirming before SeatsAvailability has reserved the order's current seats would sell unreserved seats. */
    public static final class OrderNotReserved extends OrderRejection {
        public OrderNotReserved(UUID orderId) {
            super(Kind.STATE_CONFLICT, "order-not-reserved", seatsOf(orderId, "are not reserved yet"));
        }
    }

    /**
     * Waitlisting an order's missing seats: it got every seat it asked for, or SeatsAvailability has not answered yet
     * (it may get them all).
     */
    public static final class OrderNotShort extends OrderRejection {
        public OrderNotShort(UUID orderId, OrderStatus status) {
            super(Kind.STATE_CONFLICT, "order-not-short", status == OrderStatus.PENDING_RESERVATION
                    ? seatsOf(orderId, "are not reserved yet: it may still get all it asked for")
                    : order(orderId, "got every seat it asked for"));
        }
    }

    /** Nothing could be reserved: there is nothing to confirm (the registrant may change or abandon the order). */
    public static final class NoSeatsReserved extends OrderRejection {
        public NoSeatsReserved(UUID orderId) {
            super(Kind.STATE_CONFLICT, "no-seats-reserved", order(orderId, "holds no seat"));
        }
    }

    /**
     * A payment confirms an order only if it paid the order's current total: one started before the seats changed
     * paid another amount. It is not applied; the registrant pays the new total.
     */
    public static final class PaymentAmountMismatch extends OrderRejection {
        public PaymentAmountMismatch(UUID orderId, UUID paymentId, Money paid, Money total) {
            super(Kind.STATE_CONFLICT, "payment-amount-mismatch", "Payment " + paymentId + " paid " + paid
                    + " but order " + orderId + " costs " + total);
        }
    }

    /** Only an order whose total is zero may be confirmed without a payment. */
    public static final class PaymentRequired extends OrderRejection {
        public PaymentRequired(UUID orderId) {
            super(Kind.RULE_VIOLATION, "payment-required", order(orderId, "is not free of charge"));
        }
    }
    // Promotional codes: each refusal names the code and says why; the order is as it was.

    public static final class UnknownPromotionalCode extends OrderRejection {
        public UnknownPromotionalCode(String code) {
            super(Kind.RULE_VIOLATION, "unknown-promotional-code",
                    promotionalCode(code, "does not exist for this conference"));
        }
    }

    public static final class PromotionalCodeDisabled extends OrderRejection {
        public PromotionalCodeDisabled(String code) {
            super(Kind.RULE_VIOLATION, "promotional-code-disabled", promotionalCode(code, "is disabled"));
        }
    }

    public static final class PromotionalCodeNotYetValid extends OrderRejection {
        public PromotionalCodeNotYetValid(String code, Instant validFrom) {
            super(Kind.RULE_VIOLATION, "promotional-code-not-yet-valid",
                    promotionalCode(code, "is valid from " + validFrom));
        }
    }

    public static final class PromotionalCodeExpired extends OrderRejection {
        public PromotionalCodeExpired(String code, Instant validUntil) {
            super(Kind.RULE_VIOLATION, "promotional-code-expired",
                    promotionalCode(code, "was valid until " + validUntil));
        }
    }

    /** An exclusive code combines with no other code; a combinable one not with an exclusive one. */
    public static final class PromotionalCodeConflict extends OrderRejection {
        public PromotionalCodeConflict(String code, String applied, boolean newOneExclusive) {
            super(Kind.RULE_VIOLATION, "promotional-code-conflict", newOneExclusive
                    ? promotionalCode(code, "combines with no other code, and " + applied + " is applied")
                    : promotionalCode(applied, "is applied and combines with no other code, so " + code
                    + " cannot be added"));
        }
    }

    public static final class PromotionalCodeOutOfScope extends OrderRejection {
        public PromotionalCodeOutOfScope(String code) {
            super(Kind.RULE_VIOLATION, "promotional-code-out-of-scope",
                    promotionalCode(code, "applies to none of the seat types this order holds"));
        }
    }

    public static final class PromotionalCodeAlreadyApplied extends OrderRejection {
        public PromotionalCodeAlreadyApplied(String code) {
            super(Kind.STATE_CONFLICT, "promotional-code-already-applied",
                    promotionalCode(code, "is already applied to this order"));
        }
    }

    /** Removing a code the order does not have (a retried removal too: the first one removed it). */
    public static final class PromotionalCodeNotApplied extends OrderRejection {
        public PromotionalCodeNotApplied(String code) {
            super(Kind.STATE_CONFLICT, "promotional-code-not-applied",
                    promotionalCode(code, "is not applied to this order"));
        }
    }

    /** A fixed amount in another currency than the order's prices (the owner's mistake): nothing to take it from. */
    public static final class PromotionalCodeCurrencyMismatch extends OrderRejection {
        public PromotionalCodeCurrencyMismatch(String code, String currency) {
            super(Kind.RULE_VIOLATION, "promotional-code-currency-mismatch",
                    promotionalCode(code, "takes off an amount in another currency than " + currency));
        }
    }
}
