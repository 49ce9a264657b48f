package dev.seatbooking.notifications.mail;

/** The kinds of mail; each has a subject and two templates, {@code mail/<template>.txt} and {@code .html}. */
public enum MailKind {
    ORDER_CONFIRMED("order-confirmed", "Your order is confirmed"),
    ORDER_EXPIRED("order-expired", "Your order has expired"),
    PAYMENT_RECEIPT("payment-receipt", "Payment received"),
    WAITLIST_OFFER("waitlist-offer", "Seats are offered to you"),
    WAITLIST_OFFER_LAPSED("waitlist-offer-lapsed", "Your waitlist offer has lapsed"),
    ORDER_CANCELLED("order-cancelled", "Your order is cancelled"),
    REFUND_COMPLETED("refund-completed", "Your payment was refunded"),
    SEAT_ASSIGNED("seat-assigned", "A seat is yours"),
    REFUND_FAILED("refund-failed", "Your refund could not be paid automatically");

    private final String template;
    private final String subject;

    MailKind(String template, String subject) {
        this.template = template;
        this.subject = subject;
    }

    public String template() {
        return template;
    }

    public String subject() {
        return subject;
    }
}
