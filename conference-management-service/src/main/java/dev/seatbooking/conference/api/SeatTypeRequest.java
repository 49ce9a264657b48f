package dev.seatbooking.conference.api;

import dev.seatbooking.conference.domain.SeatTypeDetails;
import dev.seatbooking.web.validation.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A seat type, to add it ({@code POST .../seat-types}) or replace it ({@code PUT .../seat-types/{id}}). */
@SingleLine(multiLine = "description")
public record SeatTypeRequest(
        @Schema(description = "Client-chosen id, so that a replayed add adds nothing twice (add only; on PUT it"
                + " must be absent or the path's)")
        UUID id,
        @NotBlank @Size(max = 70) String name,
        @Size(max = 250) String description,
        @Schema(description = "Seats on sale; it may grow, and shrink down to what confirmed orders hold")
        @NotNull @Min(0) @Max(100_000) Integer quantity,
        @NotNull @Valid PriceRequest price) {

    SeatTypeDetails toDetails() {
        return new SeatTypeDetails(name, description == null ? "" : description, quantity, price.toMoney());
    }
}
