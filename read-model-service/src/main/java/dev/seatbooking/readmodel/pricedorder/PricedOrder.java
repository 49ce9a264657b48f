package dev.seatbooking.readmodel.pricedorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param status                {@code OPEN} until the order is confirmed or expires
 * @param subtotal              the sum of the lines, before discounts (equal to {@code total} without codes)
 * @param discounts             what each promotional code takes off each line, in the order taken
 * @param total                 what the registrant owes: the lines less the discounts
 * @param reservationExpiration when the seats are released unless the order is confirmed
 * @param promotionalCodes      the codes the order holds, in the order they were applied
 * @param payments              the order's payments, oldest first
 * @param version               the order stream's version this view reflects
 */
public record PricedOrder(UUID orderId, UUID conferenceId, Status status, List<Line> lines, Amount subtotal,
                          List<Discount> discounts, Amount total, boolean isFreeOfCharge,
                          Instant reservationExpiration, List<AppliedCode> promotionalCodes, List<Payment> payments,
                          long version) {

    public enum Status { OPEN, CONFIRMED, EXPIRED, CANCELLED }

    public enum PaymentStatus { INITIATED, COMPLETED, REJECTED }

    public record Amount(BigDecimal amount, String currency) {
    }

    public record Line(UUID seatTypeId, String description, Amount unitPrice, int quantity, Amount lineTotal) {
    }

    /** What {@code code} takes off the line of {@code seatTypeId}: a positive amount. */
    public record Discount(UUID codeId, String code, UUID seatTypeId, Amount amount) {
    }

    /** A code the order holds ({@code code} upper-case, as registrants' codes are kept). */
    public record AppliedCode(UUID codeId, String code) {
    }

    public record Payment(UUID paymentId, PaymentStatus status, Amount amount) {
    }
}
