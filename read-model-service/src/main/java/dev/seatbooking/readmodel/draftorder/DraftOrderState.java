package dev.seatbooking.readmodel.draftorder;

/** Where an order stands, as the registrant sees it (the book's DraftOrder.States). */
public enum DraftOrderState {
    /** Placed or updated; the seats are being reserved. */
    PENDING_RESERVATION,
    /** Fewer seats than asked were available; the registrant may accept, change or abandon the order. */
    PARTIALLY_RESERVED,
    /** Every seat asked for is held until the reservation expires. */
    RESERVATION_COMPLETED,
    /** Rejected: the hold and the expiry buffer ran out before the order was paid; the seats went back on sale. */
    EXPIRED,
    /** Paid, or free of charge. */
    CONFIRMED,
    /** Confirmed, then cancelled by the owner or the registrant (issue 16): its seats came back. */
    CANCELLED
}
