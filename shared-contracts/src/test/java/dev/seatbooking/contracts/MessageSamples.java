package dev.seatbooking.contracts;

import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import dev.seatbooking.contracts.payments.PaymentCommand.CancelThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentCommand.CompleteThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentCommand.InitiateThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.OrderCommand.AssignRegistrantDetails;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.AssignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand.UnassignSeat;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AcceptWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ExpireWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ReturnSoldSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.WaitlistContactEvent.WaitlistContactGiven;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sample of every message. Values are chosen to catch lossy encodings: instants with nanoseconds, money with
 * trailing zeros and more digits than a double holds, negative availability deltas, absent optional fields.
 */
public final class MessageSamples {

    public static final UUID CONFERENCE = id(1);
    public static final UUID ORDER = id(2);
    public static final UUID PAYMENT = id(3);
    public static final UUID ASSIGNMENTS = id(4);
    public static final UUID ENTRY = id(5);
    public static final UUID REFUND = id(6);
    public static final UUID GENERAL = id(10);
    public static final UUID WORKSHOP = id(11);
    public static final UUID CODE = UUID.fromString("5ea7b00c-0000-0000-0000-00000000c0de");
    public static final Instant EXPIRY = Instant.parse("2025-05-01T09:45:00.123456789Z");

    private static final Money GENERAL_PRICE = Money.of("199.90", "EUR");
    private static final Money WORKSHOP_PRICE = Money.of("12345678901234567.80", "EUR");
    private static final List<SeatQuantity> SEATS = List.of(new SeatQuantity(GENERAL, 3), new SeatQuantity(WORKSHOP, 1));
    private static final List<SeatQuantity> DELTAS = List.of(new SeatQuantity(GENERAL, -3), new SeatQuantity(WORKSHOP, -1));
    private static final List<OrderLine> LINES = List.of(OrderLine.of(GENERAL, "General", GENERAL_PRICE, 3),
            OrderLine.of(WORKSHOP, "Workshop", WORKSHOP_PRICE, 1));
    private static final PersonalInfo ATTENDEE = new PersonalInfo("Ada", "Lovelace", "ada@example.org");

    private static final Map<Class<? extends Message>, Message> SAMPLES = index(List.of(
            new ConferenceCreated(CONFERENCE, "devcon25", "DevCon 2025", "Three days of code", "Lisbon", null, null,
                    LocalDate.of(2025, 6, 11), LocalDate.of(2025, 6, 13), "Grace Hopper", "grace@example.org", null,
                    null, null),
            new ConferenceUpdated(CONFERENCE, "devcon25", "DevCon 2025", "Three days of code", "Lisbon",
                    "Ship it", "#devcon25", LocalDate.of(2025, 6, 11), LocalDate.of(2025, 6, 13), "Grace Hopper",
                    "grace@example.org", Duration.ofMinutes(20), Duration.ofHours(2), 3),
            new ConferencePublished(CONFERENCE),
            new ConferenceUnpublished(CONFERENCE),
            new SeatCreated(CONFERENCE, GENERAL, "General", "All talks", 500, GENERAL_PRICE),
            new SeatUpdated(CONFERENCE, WORKSHOP, "Workshop", "Hands on", 20, WORKSHOP_PRICE),
            new PromotionalCodeDefined(CONFERENCE, CODE, "SPEAKER",
                    Discount.percentage(100), CodeScope.of(List.of(GENERAL)), 1, null, EXPIRY, true, true),

            new PromotionalCodeUseHeld(CONFERENCE, CODE, ORDER, 1, 0),
            new PromotionalCodeUseReleased(CONFERENCE, CODE, ORDER, 0, 0),
            new PromotionalCodeUseSpent(CONFERENCE, CODE, ORDER, 0, 1),

            new OrderPlaced(ORDER, CONFERENCE, SEATS, EXPIRY, "K7Q2ZP"),
            new OrderUpdated(ORDER, List.of(new SeatQuantity(GENERAL, 2))),
            new OrderTotalsCalculated(ORDER, GENERAL_PRICE.times(2).plus(WORKSHOP_PRICE), LINES, false,
                    List.of(new DiscountLine(CODE, "SPEAKER", GENERAL, GENERAL_PRICE))),
            new PromotionalCodeApplied(ORDER, CODE, "SPEAKER", Discount.percentage(100), CodeScope.of(List.of(GENERAL)),
                    true),
            new PromotionalCodeRemoved(ORDER, CODE, "SPEAKER", PromotionalCodeRemoved.Reason.NO_LINE_IN_SCOPE),
            new OrderPartiallyReserved(ORDER, EXPIRY, List.of(new SeatQuantity(GENERAL, 2))),
            new OrderReservationCompleted(ORDER, EXPIRY, SEATS),
            new OrderExpired(ORDER),
            new OrderRegistrantAssigned(ORDER, "Alan", "Turing", "alan@example.org"),
            new OrderConfirmed(ORDER, false, PAYMENT),
            new OrderCancelled(ORDER, CONFERENCE, OrderCancelled.CancelledBy.OWNER, EXPIRY),

            new SeatsReserved(CONFERENCE, ORDER, SEATS, DELTAS, List.of(new SeatQuantity(WORKSHOP, -2))),
            new SeatsReservationCancelled(CONFERENCE, ORDER, List.of(new SeatQuantity(GENERAL, 3)),
                    List.of(new SeatQuantity(WORKSHOP, -1))),
            new SeatsReservationCommitted(CONFERENCE, ORDER),
            new SoldSeatsReturned(CONFERENCE, ORDER, SEATS, List.of(new SeatQuantity(GENERAL, 1)),
                    List.of(new SeatQuantity(WORKSHOP, -2))),
            new AvailableSeatsChanged(CONFERENCE, List.of(new SeatQuantity(GENERAL, 500), new SeatQuantity(WORKSHOP, -5)),
                    List.of(new SeatQuantity(WORKSHOP, 3))),
            new WaitlistJoined(CONFERENCE, ENTRY, GENERAL, 4),
            new WaitlistOfferMade(CONFERENCE, ENTRY, new SeatQuantity(GENERAL, 3), List.of(new SeatQuantity(GENERAL, -1)),
                    EXPIRY),
            new WaitlistLeft(CONFERENCE, ENTRY, List.of(new SeatQuantity(GENERAL, 2)), List.of(new SeatQuantity(GENERAL, -1))),
            new WaitlistOfferLapsed(CONFERENCE, ENTRY, List.of(new SeatQuantity(GENERAL, 1)),
                    List.of(new SeatQuantity(GENERAL, -2))),
            new WaitlistOfferAccepted(CONFERENCE, ENTRY, ORDER, List.of(new SeatQuantity(GENERAL, 3))),
            new WaitlistContactGiven(ENTRY, CONFERENCE, "Ada Lovelace", "ada@example.org"),

            new SeatAssignmentsCreated(ASSIGNMENTS, ORDER, List.of(new SeatPosition(0, GENERAL), new SeatPosition(1, WORKSHOP))),
            new SeatAssigned(ASSIGNMENTS, ORDER, 1, WORKSHOP, ATTENDEE),
            new SeatUnassigned(ASSIGNMENTS, ORDER, 1),
            new SeatAssignmentUpdated(ASSIGNMENTS, ORDER, 1, new PersonalInfo("Ada", "King", "ADA@example.org")),

            new RegisterToConference(ORDER, CONFERENCE, SEATS),
            new MarkSeatsAsReserved(ORDER, SEATS, EXPIRY),
            new RejectOrder(ORDER),
            new CancelOrder(ORDER, CONFERENCE, OrderCancelled.CancelledBy.OWNER),
            new AssignRegistrantDetails(ORDER, "Alan", "Turing", "alan@example.org"),
            ConfirmOrder.paidBy(ORDER, PAYMENT, GENERAL_PRICE),

            new MakeSeatReservation(CONFERENCE, ORDER, SEATS, EXPIRY.plusSeconds(60)),
            new CancelSeatReservation(CONFERENCE, ORDER),
            new CommitSeatReservation(CONFERENCE, ORDER),
            new ReturnSoldSeats(CONFERENCE, ORDER, SEATS),
            new AddSeats(CONFERENCE, GENERAL, 50),
            new RemoveSeats(CONFERENCE, WORKSHOP, 5),
            new JoinWaitlist(CONFERENCE, ENTRY, GENERAL, 4),
            new LeaveWaitlist(CONFERENCE, ENTRY),
            new ExpireWaitlistOffer(CONFERENCE, ENTRY),
            new AcceptWaitlistOffer(CONFERENCE, ENTRY, ORDER),

            new AssignSeat(ASSIGNMENTS, 0, ATTENDEE),
            new UnassignSeat(ASSIGNMENTS, 0),

            new ExpireRegistrationProcess(ORDER),

            new PaymentInitiated(PAYMENT, ORDER, CONFERENCE, GENERAL_PRICE),
            new PaymentCompleted(PAYMENT, ORDER, CONFERENCE, GENERAL_PRICE),
            new PaymentRejected(PAYMENT, ORDER, CONFERENCE, GENERAL_PRICE),
            new RefundRequested(REFUND, PAYMENT, ORDER, CONFERENCE, GENERAL_PRICE, RefundReason.ORDER_CANCELLED),
            new RefundCompleted(REFUND, PAYMENT, CONFERENCE, GENERAL_PRICE),
            new RefundFailed(REFUND, PAYMENT, CONFERENCE, GENERAL_PRICE, "processor unavailable", 2, true),
            new InitiateThirdPartyProcessorPayment(PAYMENT, ORDER, CONFERENCE, "DevCon 2025 seats",
                    GENERAL_PRICE.times(2), List.of(new PaymentItem("General", GENERAL_PRICE),
                    new PaymentItem("General", GENERAL_PRICE))),
            new CompleteThirdPartyProcessorPayment(PAYMENT),
            new CancelThirdPartyProcessorPayment(PAYMENT)));

    /**
     * Messages as stored before a field was added to them ({@code fixtures-older/<type name>.json}): what they
     * decode to, the later field absent.
     */
    private static final Map<String, Message> OLDER_SHAPES = Map.of(
            "conference.ConferenceCreated",
            new ConferenceCreated(CONFERENCE, "devcon25", "DevCon 2025", "Three days of code", "Lisbon", null, null,
                    LocalDate.of(2025, 6, 11), LocalDate.of(2025, 6, 13), "Grace Hopper", "grace@example.org", null,
                    null, null),
            "conference.ConferenceUpdated",
            new ConferenceUpdated(CONFERENCE, "devcon25", "DevCon 2025", "Three days of code", "Lisbon",
                    "Ship it", "#devcon25", LocalDate.of(2025, 6, 11), LocalDate.of(2025, 6, 13), "Grace Hopper",
                    "grace@example.org", Duration.ofMinutes(20), null, null),
            "registration.SeatsReserved", new SeatsReserved(CONFERENCE, ORDER, SEATS, DELTAS),
            "registration.SeatsReservationCancelled",
            new SeatsReservationCancelled(CONFERENCE, ORDER, List.of(new SeatQuantity(GENERAL, 3))),
            "registration.AvailableSeatsChanged",
            new AvailableSeatsChanged(CONFERENCE, List.of(new SeatQuantity(GENERAL, 500), new SeatQuantity(WORKSHOP, -5))),
            "registration.ConfirmOrder", new ConfirmOrder(ORDER),
            "registration.OrderConfirmed", new OrderConfirmed(ORDER, true));

    /**
     * Messages as stored in version 1 before a field was added and the version raised
     * ({@code fixtures-v1/<type name>.json}): what they decode to once upcast.
     */
    private static final Map<String, Message> V1_SHAPES = Map.of(
            "registration.OrderTotalsCalculated",
            new OrderTotalsCalculated(ORDER, GENERAL_PRICE.times(3).plus(WORKSHOP_PRICE), LINES, false, List.of()));

    private MessageSamples() {
    }

    /** What the older shape of a message type decodes to; fails the test if there is none. */
    public static Message olderShapeOf(String typeName) {
        Message sample = OLDER_SHAPES.get(typeName);
        if (sample == null) throw new AssertionError("No older-shape sample of " + typeName + " in MessageSamples");
        return sample;
    }

    /** What the version 1 shape of a message type decodes to, upcast; fails the test if there is none. */
    public static Message v1ShapeOf(String typeName) {
        Message sample = V1_SHAPES.get(typeName);
        if (sample == null) throw new AssertionError("No v1-shape sample of " + typeName + " in MessageSamples");
        return sample;
    }

    /** Fails the test, naming the class, if a registered message has no sample yet. */
    public static Message sampleOf(Class<? extends Message> type) {
        Message sample = SAMPLES.get(type);
        if (sample == null) {
            throw new AssertionError("no sample of " + type.getName() + ": add one to MessageSamples");
        }
        return sample;
    }

    private static Map<Class<? extends Message>, Message> index(List<Message> samples) {
        Map<Class<? extends Message>, Message> byClass = new LinkedHashMap<>();
        for (Message sample : samples) {
            if (byClass.put(sample.getClass(), sample) != null) {
                throw new IllegalStateException("two samples of " + sample.getClass());
            }
        }
        return byClass;
    }

    private static UUID id(int n) {
        return new UUID(0x5eA7_B00C_0000_0000L, n);
    }
}
