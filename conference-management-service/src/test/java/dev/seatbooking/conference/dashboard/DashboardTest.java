package dev.seatbooking.conference.dashboard;

import dev.seatbooking.conference.administration.ConferenceAdministration;
import dev.seatbooking.conference.orders.RegistrationEventsProjections;
import dev.seatbooking.conference.refunds.PaymentEventsProjections;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner's dashboard (issue 17) from registration's events: given a sale's events (sent to the real broker, or
 * applied to the projections directly), when the owner asks, then the seats, orders, periods, codes, waitlist and
 * cancellations are what the events say; the same events applied again, or again from scratch, give the same answer.
 */
class DashboardTest extends IntegrationTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistrationEventsProjections projections;
    @Autowired
    PaymentEventsProjections paymentProjections;
    @Autowired
    SeatsProjection seats;
    @Autowired
    DashboardQueries dashboards;
    @Autowired
    ConferenceAdministration administration;
    @Autowired
    PlatformTransactionManager transactions;

    private final RegistrationEvents registration = new RegistrationEvents();
    private final RegistrationEvents payments = RegistrationEvents.payments();
    private Owner owner;
    private Sale sale;

    @BeforeEach
    void conference() throws Exception {
        owner = api().createConference();
        UUID general = api().addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
        UUID workshop = api().addSeatType(owner, AdminApi.seatType("Workshop", 5, "50", "EUR"));
        UUID code = api().createCode(owner, AdminApi.percentCode("EARLY", 10));
        api().createCode(owner, AdminApi.percentCode("UNUSED", 5));
        sale = new Sale(owner.conferenceId(), general, workshop, code);
    }

    @AfterEach
    void close() {
        registration.close();
        payments.close();
    }

    @Test
    void before_any_sale_every_seat_type_and_code_shows_zeros() throws Exception {
        dashboard("day").andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.seats", hasSize(2)))
                .andExpect(jsonPath("$.seats[0].name").value("General"))
                .andExpect(jsonPath("$.seats[0].quantity").value(10))
                .andExpect(jsonPath("$.seats[0].sold").value(0))
                .andExpect(jsonPath("$.seats[0].available").value(0))
                .andExpect(jsonPath("$.orders.pending").value(0))
                .andExpect(jsonPath("$.overTime", hasSize(0)))
                .andExpect(jsonPath("$.codes", hasSize(2)))
                .andExpect(jsonPath("$.codes[0].code").value("EARLY"))
                .andExpect(jsonPath("$.codes[0].used").value(0))
                .andExpect(jsonPath("$.codes[0].discount").value(0))
                .andExpect(jsonPath("$.waitlist", hasSize(2)))
                .andExpect(jsonPath("$.cancellations").value(0))
                .andExpect(jsonPath("$.refunds.byState[*].refunds").value(contains(0, 0, 0, 0)))
                .andExpect(jsonPath("$.refunds.byReason[*].refunds").value(contains(0, 0, 0)))
                .andExpect(jsonPath("$.refunds.byReason[0].amount").value(0));
    }

    @Test
    void refunds_are_counted_and_added_up_per_state_and_per_reason() throws Exception {
        sale.paymentEvents().forEach(payments::send);

        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day")
                .andExpect(jsonPath("$.refunds.byState[1].refunds").value(1))
                .andExpect(jsonPath("$.refunds.byState[2].refunds").value(1)));
        dashboard("day")
                .andExpect(jsonPath("$.refunds.byState[*].name").value(contains(
                        "REQUESTED", "COMPLETED", "FAILED_WILL_RETRY", "GAVE_UP")))
                .andExpect(jsonPath("$.refunds.byState[*].refunds").value(contains(0, 1, 1, 0)))
                .andExpect(jsonPath("$.refunds.byState[0].amount").value(0))
                .andExpect(jsonPath("$.refunds.byState[1].amount").value(100))
                .andExpect(jsonPath("$.refunds.byState[2].amount").value(100))
                .andExpect(jsonPath("$.refunds.byReason[*].name").value(contains(
                        "ORDER_EXPIRED", "ORDER_ALREADY_PAID", "ORDER_CANCELLED")))
                .andExpect(jsonPath("$.refunds.byReason[*].refunds").value(contains(1, 0, 1)))
                .andExpect(jsonPath("$.refunds.byReason[0].amount").value(100))
                .andExpect(jsonPath("$.refunds.byReason[1].amount").value(0));
    }

    @Test
    void a_refund_payments_gave_up_on_is_counted_apart_from_one_it_retries() throws Exception {
        // C's refund's third event (its second attempt failed for good), consumed before the first two
        payments.send(sale.refundC, 3, new RefundFailed(sale.refundC, sale.paymentC, owner.conferenceId(),
                Money.of("100", "EUR"), "card closed", 2, false));
        sale.paymentEvents().forEach(payments::send);

        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day")
                .andExpect(jsonPath("$.refunds.byState[*].refunds").value(contains(0, 1, 0, 1))));
        dashboard("day").andExpect(jsonPath("$.refunds.byState[3].amount").value(100));
    }

    @Test
    void a_sale_shows_seats_sold_held_and_available_orders_by_status_codes_waitlist_and_cancellations()
            throws Exception {
        sale.events().forEach(registration::send);

        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day")
                .andExpect(jsonPath("$.seats[1].offered").value(1))
                .andExpect(jsonPath("$.orders.cancelled").value(1))
                .andExpect(jsonPath("$.orders.pending").value(1))
                .andExpect(jsonPath("$.codes[0].used").value(1))
                .andExpect(jsonPath("$.seats[0].available").value(5)));
        dashboard("day")
                .andExpect(jsonPath("$.seats[0].seatTypeId").value(sale.general.toString()))
                .andExpect(jsonPath("$.seats[0].sold").value(2))
                .andExpect(jsonPath("$.seats[0].held").value(3))
                .andExpect(jsonPath("$.seats[0].offered").value(0))
                .andExpect(jsonPath("$.seats[0].owed").value(0))
                .andExpect(jsonPath("$.seats[1].sold").value(0))
                .andExpect(jsonPath("$.seats[1].held").value(1))
                .andExpect(jsonPath("$.seats[1].available").value(3))
                .andExpect(jsonPath("$.orders.confirmed").value(1))
                .andExpect(jsonPath("$.orders.expired").value(1))
                .andExpect(jsonPath("$.codes[0].code").value("EARLY"))
                .andExpect(jsonPath("$.codes[0].held").value(0))
                .andExpect(jsonPath("$.codes[0].orders").value(1))
                .andExpect(jsonPath("$.codes[0].discount").value(20))
                .andExpect(jsonPath("$.codes[1].code").value("UNUSED"))
                .andExpect(jsonPath("$.codes[1].orders").value(0))
                .andExpect(jsonPath("$.waitlist[1].people").value(1))
                .andExpect(jsonPath("$.waitlist[1].seatsWanted").value(1))
                .andExpect(jsonPath("$.waitlist[1].seatsOffered").value(1))
                .andExpect(jsonPath("$.cancellations").value(1));
    }

    @Test
    void orders_and_revenue_are_counted_per_utc_day_or_hour_when_placed_confirmed_and_cancelled()
            throws Exception {
        sale.events().forEach(registration::send);
        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day")
                .andExpect(jsonPath("$.orders.cancelled").value(1))
                .andExpect(jsonPath("$.orders.expired").value(1))
                .andExpect(jsonPath("$.overTime[1].revenue").value(100)));

        dashboard("day").andExpect(jsonPath("$.bucket").value("day"))
                .andExpect(jsonPath("$.overTime", hasSize(2)))
                .andExpect(jsonPath("$.overTime[0].start").value("2026-03-01T00:00:00Z"))
                .andExpect(jsonPath("$.overTime[0].placed").value(2))
                .andExpect(jsonPath("$.overTime[0].confirmed").value(1))
                .andExpect(jsonPath("$.overTime[0].revenue").value(180))
                .andExpect(jsonPath("$.overTime[0].cancelled").value(0))
                .andExpect(jsonPath("$.overTime[1].start").value("2026-03-02T00:00:00Z"))
                .andExpect(jsonPath("$.overTime[1].placed").value(2))
                .andExpect(jsonPath("$.overTime[1].confirmed").value(1))
                .andExpect(jsonPath("$.overTime[1].cancelled").value(1))
                .andExpect(jsonPath("$.overTime[1].cancelledRevenue").value(100));
        dashboard("hour").andExpect(jsonPath("$.bucket").value("hour"))
                .andExpect(jsonPath("$.overTime[*].start").value(org.hamcrest.Matchers.contains(
                        "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", "2026-03-02T08:00:00Z",
                        "2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z")))
                .andExpect(jsonPath("$.overTime[0].revenue").value(180))
                .andExpect(jsonPath("$.overTime[1].placed").value(1))
                .andExpect(jsonPath("$.overTime[1].confirmed").value(0))
                .andExpect(jsonPath("$.overTime[3].confirmed").value(1))
                .andExpect(jsonPath("$.overTime[4].cancelled").value(1));
    }

    @Test
    void a_new_reservation_shows_as_held_seats_within_seconds() throws Exception {
        sale.events().forEach(registration::send);
        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day").andExpect(jsonPath("$.seats[1].offered").value(1)));
        long next = sale.events().stream().filter(e -> e.aggregateId().equals(owner.conferenceId())
                && !(e.payload() instanceof dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent))
                .mapToLong(Envelope::aggregateVersion).max().orElseThrow() + 1;

        registration.send(owner.conferenceId(), next, new SeatsReserved(owner.conferenceId(), UUID.randomUUID(),
                List.of(new SeatQuantity(sale.general, 4)), List.of(new SeatQuantity(sale.general, -4))));

        await().atMost(CONSUMED).untilAsserted(() -> dashboard("day")
                .andExpect(jsonPath("$.seats[0].held").value(7))
                .andExpect(jsonPath("$.seats[0].available").value(1)));
    }

    @Test
    void the_periods_are_an_hour_or_a_day_spelt_as_the_answer_spells_them_and_nothing_else() throws Exception {
        dashboard("week").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("bucket"));
        dashboard("HOUR").andExpect(status().isBadRequest());
    }

    @Test
    void the_same_events_applied_again_or_again_from_scratch_give_the_same_dashboard() {
        List<Envelope> events = sale.events();
        List<Envelope> paid = sale.paymentEvents();
        apply(events, paid);
        Dashboard byDay = dashboard(Bucket.DAY);
        Dashboard byHour = dashboard(Bucket.HOUR);
        assertThat(byDay.seats().getFirst().sold()).isEqualTo(2);
        assertThat(byDay.cancellations()).isEqualTo(1);
        assertThat(byDay.refunds().byState().get(1).refunds()).as("completed").isEqualTo(1);

        apply(events, paid); // redelivered, message ids and all
        assertThat(dashboard(Bucket.DAY)).isEqualTo(byDay);
        // published again under new message ids
        apply(events.stream().map(DashboardTest::republished).toList(),
                paid.stream().map(DashboardTest::republished).toList());
        assertThat(dashboard(Bucket.DAY)).isEqualTo(byDay);

        forget(owner.conferenceId(), events);
        assertThat(dashboard(Bucket.DAY).seats().getFirst().held()).as("forgotten").isZero();
        assertThat(dashboard(Bucket.DAY).refunds().byState().get(1).refunds()).as("forgotten").isZero();
        apply(events, paid);
        assertThat(dashboard(Bucket.DAY)).isEqualTo(byDay);
        assertThat(dashboard(Bucket.HOUR)).isEqualTo(byHour);
    }

    private ResultActions dashboard(String bucket) throws Exception {
        return api().perform(get(owner.path() + "/dashboard").param("bucket", bucket).with(as(owner)));
    }

    private Dashboard dashboard(Bucket bucket) {
        return dashboards.of(administration.get(owner.conferenceId()), bucket);
    }

    /** As the three consumers apply a poll each: in one transaction. */
    private void apply(List<Envelope> events, List<Envelope> paymentEvents) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.forEach(e -> {
                projections.apply(new IncomingMessage<>(e.messageId(), e.type(), e.correlationId(),
                        e.causationId(), e.aggregateId().toString(), e));
                if (e.payload() instanceof SeatsAvailabilityEvent availability) seats.handle(e, availability);
            });
            paymentEvents.forEach(paymentProjections::apply);
        });
    }

    private static Envelope republished(Envelope e) {
        return Envelope.of(UUID.randomUUID(), e.payload(), e.aggregateId(), e.aggregateVersion(), e.occurredAt());
    }

    /** Every row the projections keep of the conference and its orders: the state before its first event. */
    private void forget(UUID conference, List<Envelope> events) {
        jdbc.update("DELETE FROM order_seats WHERE order_id IN (SELECT order_id FROM orders WHERE conference_id = ?)",
                conference);
        for (Envelope e : events) jdbc.update("DELETE FROM orders WHERE order_id = ?", e.aggregateId());
        for (String table : List.of("dashboard_seat_availability", "dashboard_seat_holds", "dashboard_seat_streams",
                "promotional_code_uses", "waitlist_entries", "refunds", "payments")) {
            jdbc.update("DELETE FROM " + table + " WHERE conference_id = ?", conference);
        }
    }

}
