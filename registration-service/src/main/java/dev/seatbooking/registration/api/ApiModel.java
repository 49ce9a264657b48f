package dev.seatbooking.registration.api;

import dev.seatbooking.web.validation.NotNameBased;
import dev.seatbooking.web.validation.SingleLine;
import dev.seatbooking.web.validation.ValidEmail;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.service.WaitlistService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON the registrants' API reads and writes. */
final class ApiModel {

    private ApiModel() {
    }

    /**
     * A number of seats of one seat type. The most of one type per order (20) is a business rule: a 422.
     *
     * @param quantity a JSON integer ({@code 1.5} or {@code "2"} are malformed, not rounded or converted)
     */
    record SeatRequest(@NotNull UUID seatTypeId,
                       @Schema(minimum = "1") @NotNull @Positive
                       Integer quantity) {
        SeatQuantity toSeatQuantity() {
            return new SeatQuantity(seatTypeId, quantity);
        }
    }

    /** A promotional code as typed: its shape is {@link PromotionalCodeText}'s (any case); anything else is a 400. */
    static final String CODE_SHAPE = "[A-Za-z0-9_-]{" + PromotionalCodeText.MIN_LENGTH + ","
            + PromotionalCodeText.MAX_LENGTH + "}";

    /**
     * @param orderId          chosen by the client: sending the same request again places nothing twice
     * @param seats            each seat type once
     * @param promotionalCodes optional: codes applied with the placement (any case); one refused refuses the order
     */
    record PlaceOrderRequest(@NotNull @NotNameBased UUID orderId,
                             @NotEmpty @Size(max = 50) @DistinctSeatTypes List<@NotNull @Valid SeatRequest> seats,
                             @Size(max = 10) List<@NotNull @Pattern(regexp = CODE_SHAPE) String> promotionalCodes) {
        List<SeatQuantity> seatQuantities() {
            return seats.stream().map(SeatRequest::toSeatQuantity).toList();
        }

        List<String> codes() {
            return promotionalCodes == null ? List.of() : promotionalCodes;
        }
    }

    /** @param code as typed, any case */
    record PromotionalCodeRequest(@NotNull @Pattern(regexp = CODE_SHAPE) String code) {
    }

    /** @param seats each seat type once: the order's seats afterwards (a seat type left out is given up) */
    record UpdateSeatsRequest(@NotEmpty @Size(max = 50) @DistinctSeatTypes List<@NotNull @Valid SeatRequest> seats) {
        List<SeatQuantity> seatQuantities() {
            return seats.stream().map(SeatRequest::toSeatQuantity).toList();
        }
    }

    /** Names on one line without control characters; an email by the platform's rule ({@link ValidEmail}). */
    record PersonRequest(@NotBlank @Size(max = 100) @SingleLine String firstName,
                         @NotBlank @Size(max = 100) @SingleLine String lastName,
                         @Schema(format = "email") @NotBlank @Size(max = 254) @ValidEmail String email) {
        PersonalInfo toPersonalInfo() {
            return new PersonalInfo(firstName.strip(), lastName.strip(), email.strip());
        }
    }

    record FindOrderRequest(@Schema(format = "email") @NotBlank @Size(max = 254) @ValidEmail String email,
                            @NotBlank @Size(max = 64) @SingleLine String accessCode) {
    }

    /**
     * @param accessCode with the registrant's email, finds the order again; required by order-specific requests.
     *                   Absent when the request repeated an earlier one without showing the code.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlacedOrderResponse(UUID orderId, UUID conferenceId, String accessCode) {
    }

    record Seat(UUID seatTypeId, int quantity) {
        static List<Seat> of(List<SeatQuantity> seats) {
            return seats.stream().map(s -> new Seat(s.seatTypeId(), s.quantity())).toList();
        }
    }

    record Person(String firstName, String lastName, String email) {
        static Person of(PersonalInfo info) {
            return info == null ? null : new Person(info.firstName(), info.lastName(), info.email());
        }
    }

    /** A code applied to the order (normalized: upper case). */
    record AppliedCode(UUID codeId, String code) {
    }

    /** What a code takes off the order's line of a seat type. */
    record Discount(String code, UUID seatTypeId, Money amount) {
    }

    /**
     * @param status                PENDING_RESERVATION, PARTIALLY_RESERVED, RESERVATION_COMPLETED, EXPIRED or CONFIRMED
     * @param seats                 the seats asked for while the reservation is pending; once reserved, those held
     * @param reservationExpiration until when the seats are held for the registrant
     * @param total                 what the order costs, after its discounts
     * @param promotionalCodes      the codes applied, in the order they were applied
     * @param discounts             what each code takes off each line
     * @param version               the order stream's version (as in the Consistency-Token)
     */
    record OrderResponse(UUID orderId, UUID conferenceId,
                         @Schema(allowableValues = {"PENDING_RESERVATION", "PARTIALLY_RESERVED",
                                 "RESERVATION_COMPLETED", "EXPIRED", "CONFIRMED"}) String status,
                         List<Seat> seats, Instant reservationExpiration, Money total, boolean freeOfCharge,
                         List<AppliedCode> promotionalCodes, List<Discount> discounts, Person registrant, int version) {
        static OrderResponse of(Versioned<Order> loaded) {
            Order order = loaded.aggregate();
            return new OrderResponse(order.id(), order.conferenceId(), order.status().name(), Seat.of(order.seats()),
                    order.reservationExpiration(), order.total().orElse(null), order.isFreeOfCharge(),
                    order.promotionalCodes().stream().map(c -> new AppliedCode(c.codeId(), c.code())).toList(),
                    order.discounts().stream().map(d -> new Discount(d.code(), d.seatTypeId(), d.amount())).toList(),
                    Person.of(order.registrant().orElse(null)), loaded.version());
        }
    }

    record SeatAssignmentResponse(int position, UUID seatTypeId, Person attendee) {
    }

    record SeatAssignmentsResponse(UUID seatAssignmentsId, UUID orderId, List<SeatAssignmentResponse> seats,
                                   int version) {
        static SeatAssignmentsResponse of(Versioned<SeatAssignments> loaded) {
            SeatAssignments assignments = loaded.aggregate();
            return new SeatAssignmentsResponse(assignments.id(), assignments.orderId(), assignments.positions().stream()
                    .map(p -> new SeatAssignmentResponse(p.position(), p.seatTypeId(),
                            Person.of(assignments.attendee(p.position()).orElse(null))))
                    .toList(), loaded.version());
        }
    }
    /**
     * @param entryId  chosen by the client: sending the same request again joins once
     * @param quantity the seats wanted, at most 20 (more: a 422, as for an order)
     */
    record JoinWaitlistRequest(@NotNull @NotNameBased UUID entryId, @NotNull UUID seatTypeId,
                               @Schema(minimum = "1") @NotNull @Positive Integer quantity,
                               @NotBlank @Size(max = 200) @SingleLine String name,
                               @Schema(format = "email") @NotBlank @Size(max = 254) @ValidEmail String email) {
    }

    /** @param accessCode required by every request about the entry; absent for a repeat that did not show it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JoinedWaitlistResponse(UUID entryId, String accessCode) {
    }

    /** Who waits for an order's missing seats: checked as a join's name and email. */
    record WaitlistOrderRequest(@NotBlank @Size(max = 200) @SingleLine String name,
                                @Schema(format = "email") @NotBlank @Size(max = 254) @ValidEmail String email) {
    }

    /**
     * @param accessCode opens every entry of the step; absent for a repeat that did not show it
     * @param entries    one per seat type the order is short of, in the order's line order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderWaitlistedResponse(String accessCode, List<WaitlistedSeats> entries) {
        static OrderWaitlistedResponse of(WaitlistService.OrderWaitlisted waitlisted) {
            return new OrderWaitlistedResponse(waitlisted.accessCode(), waitlisted.entries().stream()
                    .map(e -> new WaitlistedSeats(e.entryId(), e.seatTypeId(), e.quantity())).toList());
        }
    }

    record WaitlistedSeats(UUID entryId, UUID seatTypeId, int quantity) {
    }

    /** @param orderId chosen by the client, as when placing an order */
    record AcceptOfferRequest(@NotNull @NotNameBased UUID orderId) {
    }

    record Offer(int seats, Instant expiresAt) {
    }

    /**
     * @param status   WAITING, OFFERED, ACCEPTED, LEFT or LAPSED
     * @param position among the seat type's waiting entries (1 = next to be offered seats); null when not waiting
     * @param offer    the seats held for the entry and until when; null without an open offer
     */
    record WaitlistEntryResponse(UUID entryId, UUID conferenceId, UUID seatTypeId, int quantity,
                                 @Schema(allowableValues = {"WAITING", "OFFERED", "ACCEPTED", "LEFT", "LAPSED"})
                                 String status, Integer position, Offer offer) {
        static WaitlistEntryResponse of(WaitlistService.EntryView entry) {
            return new WaitlistEntryResponse(entry.entryId(), entry.conferenceId(), entry.seatTypeId(),
                    entry.quantity(), entry.status().name(), entry.position(),
                    entry.offeredSeats() == null ? null : new Offer(entry.offeredSeats(), entry.offerExpiresAt()));
        }
    }
}
