package dev.seatbooking.conference.promotion;

/**
 * A code's uses as registration last reported them.
 *
 * @param held uses held by orders not yet confirmed
 * @param used uses spent by confirmed orders
 */
public record CodeUses(int held, int used) {

    public static final CodeUses NONE = new CodeUses(0, 0);

    /** The uses no other order can have. */
    public int taken() {
        return held + used;
    }
}
