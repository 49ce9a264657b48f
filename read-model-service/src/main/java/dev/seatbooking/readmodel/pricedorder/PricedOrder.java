package dev.seatbooking.readmodel.pricedorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param status                {@code OPEN} until the order is confirmed or expires
 * @param reservationExpiration when the seats are released unless the order is confirmed
 * @param payments              the order's payments, oldest first
 * @param version               the order stream's version this view reflects
 */
public record PricedOrder(UUID orderId, UUID conferenceId, Status status, List<Line> lines, Amount total,
                          boolean isFreeOfCharge, Instant reservationExpiration, List<Payment> payments,
                          long version) {

    public enum Status { OPEN, CONFIRMED, EXPIRED }

    public enum PaymentStatus { INITIATED, COMPLETED, REJECTED }

    public record Amount(BigDecimal amount, String currency) {
    }

    public record Line(UUID seatTypeId, String description, Amount unitPrice, int quantity, Amount lineTotal) {
    }

    public record Payment(UUID paymentId, PaymentStatus status, Amount amount) {
    }
}
