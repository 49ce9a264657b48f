package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.web.validation.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One line shown to the payer. */
@Schema(name = "PaymentItem")
public record PaymentItemJson(@Schema(example = "Full conference pass x 2") @NotBlank @Size(max = 500)
                              @SingleLine String description,
                              @NotNull @Valid AmountJson amount) {

    static PaymentItemJson of(PaymentItem item) {
        return new PaymentItemJson(item.description(), AmountJson.of(item.amount()));
    }
}
