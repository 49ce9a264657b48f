package dev.seatbooking.payments.api;

import dev.seatbooking.web.validation.NotNameBased;
import dev.seatbooking.web.validation.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/payments}.
 *
 * @param paymentId    chosen by the client (a new UUID per payment attempt): sending the same request again is safe
 * @param orderId      the order being paid (the payment source)
 * @param conferenceId optional; if given, must be the order's
 * @param description  shown to the payer; defaults to "Order &lt;orderId&gt;"
 * @param amount       must equal the order's total as registration calculated it
 * @param items        optional lines shown to the payer; if given, they add up to {@code amount}
 */
@Schema(name = "StartPayment")
public record StartPaymentRequest(@NotNull @NotNameBased UUID paymentId,
                                  @NotNull UUID orderId,
                                  UUID conferenceId,
                                  @Size(min = 1, max = 500) @SingleLine String description,
                                  @NotNull @Valid AmountJson amount,
                                  @Size(max = 100) List<@NotNull @Valid PaymentItemJson> items) {
}
