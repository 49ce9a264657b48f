package dev.seatbooking.conference.promotion;

import java.util.List;
import java.util.UUID;

/** Why a change to a promotional code was refused. The API turns each kind into its own problem type. */
public abstract sealed class PromotionalCodeRejection extends RuntimeException {

    private PromotionalCodeRejection(String message) {
        super(message, null, false, false);
    }

    /** No such code in this conference (another conference's code is not found either). */
    public static final class CodeNotFound extends PromotionalCodeRejection {
        public CodeNotFound(UUID codeId) {
            super("This conference has no promotional code " + codeId);
        }
    }

    /** The text is another code's of this conference, in any case. */
    public static final class CodeTextTaken extends PromotionalCodeRejection {
        public CodeTextTaken(String code) {
            super("This conference already has the promotional code " + code + " (codes ignore case)");
        }
    }

    /** A create replayed with a code id that exists: nothing is created twice. */
    public static final class CodeIdTaken extends PromotionalCodeRejection {
        public CodeIdTaken(UUID codeId) {
            super("A promotional code with id " + codeId + " already exists; edit it with PUT");
        }
    }

    /** Registrants may already have the text: a code keeps it for good. */
    public static final class CodeTextFixed extends PromotionalCodeRejection {
        public CodeTextFixed(String code) {
            super("A promotional code's text cannot change once created (registrants may have it): this one is "
                    + code + "; create a new code instead");
        }
    }

    public static final class UnknownSeatTypes extends PromotionalCodeRejection {
        private final List<UUID> seatTypeIds;

        public UnknownSeatTypes(List<UUID> seatTypeIds) {
            super("This conference has no seat type " + seatTypeIds.stream().map(UUID::toString)
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            this.seatTypeIds = List.copyOf(seatTypeIds);
        }

        public List<UUID> seatTypeIds() {
            return seatTypeIds;
        }
    }

    /** An order adds up its lines and discounts, which it can only do in one currency. */
    public static final class CurrencyMismatch extends PromotionalCodeRejection {
        public CurrencyMismatch(String conferenceCurrency, String given) {
            super("This conference's prices are in " + conferenceCurrency + ", not " + given
                    + ": a fixed discount must be in the currency of the orders it is taken from");
        }
    }

    public static final class WindowOutOfOrder extends PromotionalCodeRejection {
        public WindowOutOfOrder() {
            super("A code's validity must end after it starts (validUntil after validFrom)");
        }
    }

    /** A limit below the uses held or spent would take uses back from orders that have them. */
    public static final class UsesTaken extends PromotionalCodeRejection {
        private final int taken;

        public UsesTaken(String code, int requested, int taken) {
            super("The usage limit of " + code + " cannot be " + requested + ": " + taken
                    + " uses of it are already held or spent");
            this.taken = taken;
        }

        public int taken() {
            return taken;
        }
    }

    /** A code's scope names the seat type: the code would apply to nothing the owner can see. */
    public static final class SeatTypeInScope extends PromotionalCodeRejection {
        public SeatTypeInScope(UUID seatTypeId, List<String> codes) {
            super("Seat type " + seatTypeId + " is in the scope of the promotional code(s) " + String.join(", ", codes)
                    + ": change their scope first");
        }
    }
}
