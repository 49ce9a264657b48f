package dev.seatbooking.notifications.messaging;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.contracts.registration.WaitlistContactEvent.WaitlistContactGiven;
import dev.seatbooking.notifications.facts.MailFacts;
import dev.seatbooking.notifications.mail.MailKind;
import dev.seatbooking.notifications.mail.Mails;
import dev.seatbooking.notifications.mail.Recipients;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the events into facts and mails, inside the consumer's inbox transaction: each mail's key is the event's
 * message id and the kind, so an event delivered again adds no second mail. A mail whose address is not known yet
 * (the contact travels on another partition) waits for it in the table.
 */
@Component
public class Notifier {

    private final MailFacts facts;
    private final Mails mails;
    private final SendAfter sendAfter;

    public Notifier(MailFacts facts, Mails mails, SendAfter sendAfter) {
        this.facts = facts;
        this.mails = mails;
        this.sendAfter = sendAfter;
    }

    /** The facts are kept whenever the event occurred; the mails only if after the cut-off ({@link SendAfter}). */
    public void handle(Envelope envelope) {
        var out = new Outgoing(mails, envelope.messageId().toString(), sendAfter.allows(envelope.occurredAt()));
        switch (envelope.payload()) {
            case OrderPlaced e -> facts.placed(e.orderId(), e.conferenceId(), e.accessCode());
            case OrderTotalsCalculated e -> facts.priced(e.orderId(), e.total(), e.lines(), e.discounts());
            case OrderRegistrantAssigned e -> addressed(e.orderId(), e.firstName() + " " + e.lastName(), e.email());
            case WaitlistContactGiven e -> addressed(e.entryId(), e.name(), e.email());
            case OrderConfirmed e -> out.add("confirmed", MailKind.ORDER_CONFIRMED, e.orderId(),
                    facts.order(e.orderId()));
            case OrderExpired e -> out.add("expired", MailKind.ORDER_EXPIRED, e.orderId(),
                    facts.order(e.orderId()));
            case PaymentCompleted e -> {
                // paymentSourceId is the order the payment is for (the registrant's, addressed as the order's mails)
                Map<String, Object> model = facts.order(e.paymentSourceId());
                model.put("paymentId", e.paymentId().toString());
                model.put("paid", e.amount().amount().toPlainString());
                model.put("paidCurrency", e.amount().currency());
                out.add("receipt", MailKind.PAYMENT_RECEIPT, e.paymentSourceId(), model);
            }
            case OrderCancelled e -> {
                Map<String, Object> model = facts.order(e.orderId());
                model.put("byOwner", e.cancelledBy() == OrderCancelled.CancelledBy.OWNER);
                model.put("paid", isPositive(model.get("total")));
                out.add("cancelled", MailKind.ORDER_CANCELLED, e.orderId(), model);
            }
            // the refund's order: RefundRequested names it, and comes first (same key, the refund id: one partition)
            case RefundRequested e -> {
                if (e.orderId() != null) facts.refund(e.refundId(), e.orderId(), e.reason().name());
            }
            case RefundCompleted e -> refundMail(out, "refunded", MailKind.REFUND_COMPLETED, e);
            // a failure payments retries is its own business; the one it gives up on is the registrant's too
            case RefundFailed e when !e.willRetry() -> refundMail(out, "refund-failed", MailKind.REFUND_FAILED, e);
            case SeatAssigned e -> {
                facts.seatTaken(e.seatAssignmentsId(), e.position(), e.orderId(), e.seatTypeId(), e.attendee().email());
                seatMail(out, e.seatAssignmentsId(), e.position(), e.orderId(), e.seatTypeId(), e.attendee().email());
            }
            case SeatAssignmentUpdated e -> seatUpdated(out, e);
            // no mail: the registrant freed the seat (or cancelled the order, and is mailed that), see the README
            case SeatUnassigned e -> facts.seatFreed(e.seatAssignmentsId(), e.position());
            case WaitlistOfferMade e -> {
                Map<String, Object> model = waitlist(e.entryId(), e.conferenceId());
                model.put("seats", facts.seats(e.offered()));
                model.put("expiresAt", e.offerExpiresAt().toString());
                out.add("offer", MailKind.WAITLIST_OFFER, e.entryId(), model);
            }
            case WaitlistOfferLapsed e -> out.add("lapsed", MailKind.WAITLIST_OFFER_LAPSED, e.entryId(),
                    waitlist(e.entryId(), e.conferenceId()));
            case ConferenceCreated e -> facts.conference(e.conferenceId(), e.name());
            case ConferenceUpdated e -> facts.conference(e.conferenceId(), e.name());
            case SeatCreated e -> facts.seatType(e.conferenceId(), e.seatTypeId(), e.name());
            case SeatUpdated e -> facts.seatType(e.conferenceId(), e.seatTypeId(), e.name());
            default -> {
                // not consumed (NotificationsConsumer.HANDLED)
            }
        }
    }

    /** A refund of a payment without an order (or requested before this service knew it) has nobody to mail. */
    private void refundMail(Outgoing out, String name, MailKind kind, RefundEvent e) {
        facts.refundedOrder(e.refundId()).ifPresent(refund -> {
            Map<String, Object> model = facts.order(refund.orderId());
            model.put("paymentId", e.paymentId().toString());
            model.put("refunded", e.amount().amount().toPlainString());
            model.put("refundedCurrency", e.amount().currency());
            model.put("why", why(refund.reason()));
            out.add(name, kind, refund.orderId(), model);
        });
    }

    /**
     * Registration sends an update for a changed name (same email, no mail); another email would be another person,
     * told as a new assignment. A seat not known here (freed, or its SeatAssigned not read) is left alone.
     */
    private void seatUpdated(Outgoing out, SeatAssignmentUpdated e) {
        String email = e.attendee().email();
        facts.seatHolder(e.seatAssignmentsId(), e.position()).ifPresent(holder -> {
            facts.seatTaken(e.seatAssignmentsId(), e.position(), holder.orderId(), holder.seatTypeId(), email);
            if (!holder.email().equalsIgnoreCase(email)) {
                seatMail(out, e.seatAssignmentsId(), e.position(), holder.orderId(), holder.seatTypeId(), email);
            }
        });
    }

    /**
     * To the attendee, who is no contact of the order: the event names them. Once per seat and person: a seat given
     * back and forth between two addresses mails each of them once.
     */
    private void seatMail(Outgoing out, UUID seatAssignmentsId, int position, UUID orderId, UUID seatTypeId,
                          String email) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("orderId", orderId.toString());
        model.put("conference", facts.order(orderId).get("conference"));
        model.put("seat", facts.seatTypeName(seatTypeId).orElse("a seat"));
        String once = "seat/" + seatAssignmentsId + "/" + position + "/" + Recipients.key(email);
        out.addToOnce(once, MailKind.SEAT_ASSIGNED, orderId, email, model);
    }

    private static String why(String reason) {
        return switch (reason) {
            case "ORDER_EXPIRED" -> "the order had expired when the payment arrived";
            case "ORDER_ALREADY_PAID" -> "the order was already paid";
            case "ORDER_CANCELLED" -> "the order was cancelled";
            default -> "it was not needed";
        };
    }

    private static boolean isPositive(Object amount) {
        return amount != null && new BigDecimal(amount.toString()).signum() > 0;
    }

    private void addressed(UUID addressKey, String name, String email) {
        facts.contact(addressKey, name, email);
        mails.address(addressKey, name, email);
    }

    private Map<String, Object> waitlist(UUID entryId, UUID conferenceId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entryId", entryId.toString());
        model.put("conference", facts.conferenceName(conferenceId).orElse(null));
        return model;
    }
}
