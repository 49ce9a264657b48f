package dev.seatbooking.conference.exports;

import dev.seatbooking.conference.orders.RegistrationEventsProjections;
import dev.seatbooking.conference.refunds.PaymentEventsProjections;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner's CSV exports of attendees and orders, from the projections of registration's events: UTF-8 attachments,
 * quoted as RFC 4180 says, guarded against formula injection, and only for the conference's owner.
 */
class ExportsTest extends IntegrationTest {

    @Autowired
    RegistrationEventsProjections projections;
    @Autowired
    PaymentEventsProjections paymentProjections;
    @Autowired
    PlatformTransactionManager transactions;

    private Owner owner;
    private UUID general;
    private final UUID order = UUID.randomUUID();
    private Instant paymentsClock = Instant.parse("2026-03-01T09:30:00Z");

    @BeforeEach
    void anOrderWithAttendees() throws Exception {
        owner = api().createConference();
        general = api().addSeatType(owner, AdminApi.seatType("General, standing", 10, "100", "EUR"));
        UUID code = api().createCode(owner, AdminApi.percentCode("EARLY", 10));
        UUID assignments = UUID.randomUUID();
        apply(order, 1, new OrderPlaced(order, owner.conferenceId(), List.of(new SeatQuantity(general, 2)),
                Instant.parse("2026-03-01T09:25:00Z"), "X1"));
        apply(order, 2, new OrderTotalsCalculated(order, Money.of("180", "EUR"),
                List.of(OrderLine.of(general, "General, standing", Money.of("100", "EUR"), 2)), false,
                List.of(new DiscountLine(code, "EARLY", general, Money.of("20", "EUR")))));
        apply(order, 3, new OrderRegistrantAssigned(order, "Ada", "O'Brien \"Lovelace\"", "ada@example.org"));
        apply(order, 4, new OrderConfirmed(order, false));
        apply(assignments, 1, new SeatAssigned(assignments, order, 0, general,
                new PersonalInfo("=HYPERLINK(\"http://evil\")", "Hopper", "grace@example.org")));
        apply(assignments, 2, new SeatAssigned(assignments, order, 1, general,
                new PersonalInfo("Alan", "Turing,\nJr", "alan@example.org")));
    }

    @Test
    void attendees_are_a_utf8_csv_attachment_one_line_per_seat_for_badges() throws Exception {
        String csv = export("attendees")
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("-attendees.csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("Order,Seat,Seat type,First name,Last name,Email\r\n"
                + order + ",0,\"General, standing\",\"'=HYPERLINK(\"\"http://evil\"\")\",Hopper,grace@example.org\r\n"
                + order + ",1,\"General, standing\",Alan,\"Turing,\nJr\",alan@example.org\r\n");
    }

    @Test
    void orders_list_status_registrant_seats_total_and_discounts() throws Exception {
        String csv = export("orders").andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).startsWith("Order,Status,Placed at,Registrant first name,Registrant last name,"
                + "Registrant email,Seats,Total,Currency,Discounts,Paid,Payment ids,Refunded,Refunds\r\n");
        assertThat(csv).contains(order + ",CONFIRMED,")
                .contains(",Ada,\"O'Brien \"\"Lovelace\"\"\",ada@example.org,\"2 × General, standing\",180.00,EUR,EARLY 20.00"
                        + ",,,,\r\n");
    }

    @Test
    void orders_list_the_payments_and_refunds_each_order_had() throws Exception {
        Money paid = Money.of("180", "EUR");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        UUID retried = UUID.randomUUID();
        pay(first, 1, new PaymentCompleted(first, order, owner.conferenceId(), paid));
        pay(second, 1, new PaymentCompleted(second, order, owner.conferenceId(), paid)); // paid twice
        pay(twice, 1, new RefundRequested(twice, second, order, owner.conferenceId(), paid,
                RefundReason.ORDER_ALREADY_PAID));
        pay(twice, 2, new RefundCompleted(twice, second, owner.conferenceId(), paid));
        // A refund whose request was not consumed yet: the order is its payment's
        pay(retried, 2, new RefundFailed(retried, first, owner.conferenceId(), paid, "processor down", 1, true));

        String csv = export("orders").andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).contains(",EARLY 20.00,360.00," + first + "; " + second
                + ",180.00,COMPLETED 180.00; FAILED_WILL_RETRY 180.00\r\n");
    }

    @Test
    void payments_applied_again_change_no_line_of_the_orders() throws Exception {
        UUID payment = UUID.randomUUID();
        Envelope paid = pay(payment, 2, new PaymentCompleted(payment, order, owner.conferenceId(),
                Money.of("180", "EUR")));
        String once = export("orders").andReturn().getResponse().getContentAsString();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            paymentProjections.apply(paid); // the same message again (the inbox would stop it first)
            paymentProjections.apply(Envelope.of(UUID.randomUUID(), paid.payload(), payment, 2, paid.occurredAt()));
        });

        assertThat(export("orders").andReturn().getResponse().getContentAsString()).isEqualTo(once)
                .contains(",180.00," + payment + ",,\r\n");
    }

    @Test
    void only_the_owner_may_export() throws Exception {
        Owner another = api().createConference();
        for (String what : List.of("attendees", "orders")) {
            api().perform(get(owner.path() + "/exports/" + what + ".csv")).andExpect(status().isUnauthorized());
            api().perform(get(owner.path() + "/exports/" + what + ".csv").with(as(another)))
                    .andExpect(status().isForbidden());
        }
    }

    private ResultActions export(String what) throws Exception {
        return api().perform(get(owner.path() + "/exports/" + what + ".csv").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
    }

    /** As payments' consumer applies an event: in a transaction. */
    private Envelope pay(UUID stream, long version, Message event) {
        paymentsClock = paymentsClock.plusSeconds(60);
        Envelope e = Envelope.of(UUID.randomUUID(), event, stream, version, paymentsClock);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> paymentProjections.apply(e));
        return e;
    }

    /** As the consumer applies an event: in a transaction. */
    private void apply(UUID stream, long version, Message event) {
        Envelope e = Envelope.of(event, stream, version);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> projections.apply(new IncomingMessage<>(
                e.messageId(), e.type(), e.correlationId(), e.causationId(), stream.toString(), e)));
    }
}
