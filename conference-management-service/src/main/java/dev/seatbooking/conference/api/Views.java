package dev.seatbooking.conference.api;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.orders.OrderQueries;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CancellationCutoff;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.conference.ReservationHold;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the admin API answers. */
public final class Views {

    private Views() {
    }

    public record ConferenceView(UUID id, String slug, String name, String description, String location,
                                 String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                                 String ownerName, String ownerEmail, int reservationHoldMinutes, int offerHoldHours,
                                 int cancellationCutoffDays, boolean published, boolean wasEverPublished, List<SeatTypeView> seatTypes) {

        static ConferenceView of(Conference conference, Map<UUID, Integer> sold) {
            ConferenceDetails d = conference.details();
            return new ConferenceView(conference.id(), d.slug(), d.name(), d.description(), d.location(),
                    d.tagline(), d.twitterSearch(), d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(),
                    Math.toIntExact(d.reservationHold().toMinutes()), Math.toIntExact(d.offerHold().toHours()),
                    d.cancellationCutoffDays(), conference.isPublished(),
                    conference.wasEverPublished(),
                    conference.seatTypes().stream().map(s -> SeatTypeView.of(s, sold.getOrDefault(s.id(), 0))).toList());
        }
    }

    /**
     * What a conference's form needs to know before there is a conference ({@code GET /api/conferences/limits}):
     * the reservation hold (in minutes) and the waitlist offer's hold (in hours) a conference gets when none is chosen,
     * and the ranges an owner may choose from.
     */
    public record ConferenceLimits(int defaultReservationHoldMinutes, int minReservationHoldMinutes,
                                   int maxReservationHoldMinutes, int defaultOfferHoldHours, int minOfferHoldHours,
                                   int maxOfferHoldHours, int defaultCancellationCutoffDays,
                                   int minCancellationCutoffDays, int maxCancellationCutoffDays) {

        static ConferenceLimits current() {
            return new ConferenceLimits(Math.toIntExact(ReservationHold.DEFAULT.duration().toMinutes()),
                    ConferenceRequest.MIN_HOLD_MINUTES, ConferenceRequest.MAX_HOLD_MINUTES,
                    Math.toIntExact(OfferHold.DEFAULT.duration().toHours()), ConferenceRequest.MIN_OFFER_HOLD_HOURS,
                    ConferenceRequest.MAX_OFFER_HOLD_HOURS, CancellationCutoff.DEFAULT.days(),
                    ConferenceRequest.MIN_CANCELLATION_CUTOFF_DAYS, ConferenceRequest.MAX_CANCELLATION_CUTOFF_DAYS);
        }
    }

    /** @param sold seats of this type in confirmed orders: the lowest the quantity may go */
    public record SeatTypeView(UUID id, String name, String description, int quantity, int sold, PriceView price) {

        static SeatTypeView of(SeatType seatType, int sold) {
            return new SeatTypeView(seatType.id(), seatType.name(), seatType.description(), seatType.quantity(), sold,
                    PriceView.of(seatType.price()));
        }
    }

    public record PriceView(BigDecimal amount, String currency) {

        static PriceView of(Money money) {
            return money == null ? null : new PriceView(money.amount(), money.currency());
        }
    }

    public record CreatedConference(
            @Schema(description = "The owner's access code: shown this once, never stored in clear, never sent again")
            String accessCode,
            ConferenceView conference) {
    }

    /** @param registrant null until the registrant gave their details; total null until the order is priced */
    /** @param total after discounts; {@code discounts} are what each promotional code took off a seat type's line */
    public record OrderView(UUID orderId, OrderQueries.Status status, RegistrantView registrant,
                            List<OrderLineView> seats, PriceView total, List<OrderDiscountView> discounts,
                            Instant placedAt) {

        static OrderView of(OrderQueries.Order order) {
            return new OrderView(order.orderId(), order.status(),
                    RegistrantView.of(order.registrant()),
                    order.lines().stream().map(l -> new OrderLineView(l.seatTypeId(), l.description(), l.quantity(),
                            PriceView.of(l.unitPrice()), PriceView.of(l.lineTotal()))).toList(),
                    PriceView.of(order.total()),
                    order.discounts().stream().map(d -> new OrderDiscountView(d.code(), d.seatTypeId(),
                            PriceView.of(d.amount()))).toList(),
                    order.placedAt());
        }
    }

    public record OrderDiscountView(String code, UUID seatTypeId, PriceView amount) {
    }

    public record RegistrantView(String firstName, String lastName, String email) {

        /** Null for an unknown registrant. */
        static RegistrantView of(OrderQueries.Registrant registrant) {
            return registrant == null ? null
                    : new RegistrantView(registrant.firstName(), registrant.lastName(), registrant.email());
        }
    }

    public record OrderLineView(UUID seatTypeId, String description, int quantity, PriceView unitPrice,
                                PriceView lineTotal) {
    }

    public record AttendeeView(UUID orderId, int position, UUID seatTypeId, String seatTypeName, String firstName,
                               String lastName, String email) {

        static AttendeeView of(OrderQueries.Attendee a) {
            return new AttendeeView(a.orderId(), a.position(), a.seatTypeId(), a.seatTypeName(), a.firstName(),
                    a.lastName(), a.email());
        }
    }
}
