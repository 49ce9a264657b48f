package dev.seatbooking.conference.orders;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.conference.support.TopicFollower;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration's events, sent to the real broker, become the owner's lists of orders and attendees and the seats
 * sold that bound a seat type's quantity; a redelivered message has no second effect.
 */
class OrdersAndAttendeesTest extends IntegrationTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    private final RegistrationEvents registration = new RegistrationEvents();
    private Owner owner;
    private UUID general;
    private UUID workshop;

    @BeforeEach
    void conference() throws Exception {
        owner = api().createConference();
        general = api().addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
        workshop = api().addSeatType(owner, AdminApi.seatType("Workshop", 5, "50", "EUR"));
    }

    @AfterEach
    void close() {
        registration.close();
    }

    @Test
    void a_confirmed_order_is_listed_with_its_registrant_seats_and_total() throws Exception {
        UUID order = UUID.randomUUID();
        placeAndPrice(order, 3, 1);
        registration.send(order, 3, new OrderRegistrantAssigned(order, "Grace", "Hopper", "grace@example.org"));
        registration.send(order, 4, new OrderConfirmed(order, false));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].status").value("CONFIRMED")));
        api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$[0].registrant.firstName").value("Grace"))
                .andExpect(jsonPath("$[0].registrant.lastName").value("Hopper"))
                .andExpect(jsonPath("$[0].registrant.email").value("grace@example.org"))
                .andExpect(jsonPath("$[0].total.amount").value(350))
                .andExpect(jsonPath("$[0].total.currency").value("EUR"))
                .andExpect(jsonPath("$[0].seats", hasSize(2)))
                .andExpect(jsonPath("$[0].seats[0].seatTypeId").value(general.toString()))
                .andExpect(jsonPath("$[0].seats[0].quantity").value(3))
                .andExpect(jsonPath("$[0].seats[0].unitPrice.amount").value(100))
                .andExpect(jsonPath("$[0].seats[0].lineTotal.amount").value(300))
                .andExpect(jsonPath("$[0].seats[1].seatTypeId").value(workshop.toString()))
                .andExpect(jsonPath("$[0].discounts", hasSize(0)))
                .andExpect(jsonPath("$[0].placedAt").isNotEmpty());
        api().perform(get(owner.path() + "/seat-types/" + general).with(as(owner)))
                .andExpect(jsonPath("$.sold").value(3));
    }

    @Test
    void an_order_a_promotional_code_discounted_lists_its_discount_lines_and_its_total_after_them() throws Exception {
        UUID order = UUID.randomUUID();
        UUID code = UUID.randomUUID();
        placeAndPrice(order, 1, 1);
        OrderTotalsCalculated full = totals(order, 1, 1);
        registration.send(order, 3, new OrderTotalsCalculated(order, Money.of("140", "EUR"), full.lines(), false,
                List.of(new DiscountLine(code, "PARTNER", workshop, Money.of("10", "EUR")))));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].total.amount").value(140))
                .andExpect(jsonPath("$[0].discounts", hasSize(1)))
                .andExpect(jsonPath("$[0].discounts[0].code").value("PARTNER"))
                .andExpect(jsonPath("$[0].discounts[0].seatTypeId").value(workshop.toString()))
                .andExpect(jsonPath("$[0].discounts[0].amount.amount").value(10)));
    }

    @Test
    void the_owner_cancels_a_confirmed_order_through_registration_and_sees_it_cancelled_once_registration_did()
            throws Exception {
        UUID order = UUID.randomUUID();
        placeAndPrice(order, 2, 0);
        registration.send(order, 3, new OrderConfirmed(order, false));
        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].status").value("CONFIRMED")));

        try (TopicFollower commands = new TopicFollower(Topics.REGISTRATION_PROCESS_COMMANDS)) {
            api().perform(post(owner.path() + "/orders/" + order + "/cancel").with(as(owner)))
                    .andExpect(status().isAccepted());
            api().perform(post(owner.path() + "/orders/" + order + "/cancel").with(as(owner)))
                    .andExpect(status().isAccepted());

            await().atMost(CONSUMED).until(() -> !commands.envelopesWithKey(order).isEmpty());
            List<Envelope> sent = commands.envelopesWithKey(order);
            assertThat(sent).extracting(Envelope::messageId).as("asked twice: one message id").containsOnly(
                    sent.getFirst().messageId());
            assertThat(sent.getFirst().payload()).isEqualTo(
                    new CancelOrder(order, owner.conferenceId(), OrderCancelled.CancelledBy.OWNER));
        }

        registration.send(order, 4, new OrderCancelled(order, owner.conferenceId(), OrderCancelled.CancelledBy.OWNER,
                Instant.now()));
        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].status").value("CANCELLED")));
        api().perform(get(owner.path() + "/seat-types/" + general).with(as(owner)))
                .andExpect(jsonPath("$.sold").value(0));
        api().perform(post(owner.path() + "/orders/" + order + "/cancel").with(as(owner)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order-cancelled"));
    }

    @Test
    void the_owner_cancels_only_confirmed_orders_of_their_own_conference() throws Exception {
        UUID pending = UUID.randomUUID();
        placeAndPrice(pending, 1, 0);
        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$", hasSize(1))));
        Owner another = api().createConference();

        api().perform(post(owner.path() + "/orders/" + pending + "/cancel").with(as(owner)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order-not-confirmed"));
        api().perform(post(owner.path() + "/orders/" + UUID.randomUUID() + "/cancel").with(as(owner)))
                .andExpect(status().isNotFound());
        api().perform(post(another.path() + "/orders/" + pending + "/cancel").with(as(another)))
                .andExpect(status().isNotFound());
        api().perform(post(owner.path() + "/orders/" + pending + "/cancel").with(as(another)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_messages WHERE topic = ? AND message_key = ?",
                Long.class, Topics.REGISTRATION_PROCESS_COMMANDS, pending.toString())).as("nothing sent").isZero();
    }

    @Test
    void a_seat_quantity_shrinks_down_to_the_seats_sold_and_no_further() throws Exception {
        UUID confirmed = UUID.randomUUID();
        placeAndPrice(confirmed, 4, 0);
        registration.send(confirmed, 3, new OrderConfirmed(confirmed, false));
        UUID pending = UUID.randomUUID();
        placeAndPrice(pending, 2, 0);
        UUID expired = UUID.randomUUID();
        placeAndPrice(expired, 3, 0);
        registration.send(expired, 3, new OrderExpired(expired));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[?(@.status == 'CONFIRMED')]", hasSize(1)))
                .andExpect(jsonPath("$[?(@.status == 'EXPIRED')]", hasSize(1)))
                .andExpect(jsonPath("$[?(@.status == 'PENDING')]", hasSize(1))));
        api().perform(get(owner.path() + "/seat-types/" + general).with(as(owner)))
                .andExpect(jsonPath("$.sold").value(4));

        api().perform(api().withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                        AdminApi.seatType("General", 3, "100", "EUR")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/seats-sold"))
                .andExpect(jsonPath("$.sold").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        api().perform(api().withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                        AdminApi.seatType("General", 4, "100", "EUR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(4));
        api().perform(api().withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                        AdminApi.seatType("General", 40, "100", "EUR")))
                .andExpect(status().isOk());
    }

    @Test
    void a_partially_reserved_order_counts_the_seats_of_its_recalculated_totals() throws Exception {
        UUID order = UUID.randomUUID();
        placeAndPrice(order, 5, 0);
        registration.send(order, 3, new OrderPartiallyReserved(order, Instant.now().plusSeconds(900),
                List.of(new SeatQuantity(general, 2))));
        registration.send(order, 4, totals(order, 2, 0));
        registration.send(order, 5, new OrderConfirmed(order, false));

        await().atMost(CONSUMED).untilAsserted(() -> api()
                .perform(get(owner.path() + "/seat-types/" + general).with(as(owner)))
                .andExpect(jsonPath("$.sold").value(2)));
        api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].total.amount").value(200))
                .andExpect(jsonPath("$[0].seats[0].quantity").value(2));
    }

    @Test
    void attendees_follow_the_seat_assignments_even_when_they_arrive_before_the_order() throws Exception {
        UUID order = UUID.randomUUID();
        UUID assignments = UUID.randomUUID();
        registration.send(assignments, 1, new SeatAssignmentsCreated(assignments, order, List.of(
                new SeatPosition(0, general), new SeatPosition(1, general), new SeatPosition(2, workshop))));
        registration.send(assignments, 2, new SeatAssigned(assignments, order, 0, general,
                new PersonalInfo("Alan", "Turing", "alan@example.org")));
        registration.send(assignments, 3, new SeatAssigned(assignments, order, 1, general,
                new PersonalInfo("Ada", "Lovelace", "ada@example.org")));
        registration.send(assignments, 4, new SeatAssigned(assignments, order, 2, workshop,
                new PersonalInfo("Edsger", "Dijkstra", "edsger@example.org")));
        registration.send(assignments, 5, new SeatUnassigned(assignments, order, 1));
        registration.send(assignments, 6, new SeatAssignmentUpdated(assignments, order, 0,
                new PersonalInfo("Alan M.", "Turing", "alan@example.org")));
        placeAndPrice(order, 2, 1);
        registration.send(order, 3, new OrderConfirmed(order, false));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/attendees").with(as(owner)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].position").value(0))
                .andExpect(jsonPath("$[0].firstName").value("Alan M.")));
        api().perform(get(owner.path() + "/attendees").with(as(owner)))
                .andExpect(jsonPath("$[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$[0].seatTypeName").value("General"))
                .andExpect(jsonPath("$[0].email").value("alan@example.org"))
                .andExpect(jsonPath("$[1].position").value(2))
                .andExpect(jsonPath("$[1].seatTypeId").value(workshop.toString()))
                .andExpect(jsonPath("$[1].seatTypeName").value("Workshop"))
                .andExpect(jsonPath("$[1].lastName").value("Dijkstra"));
    }

    @Test
    void events_the_owners_lists_do_not_use_are_skipped_without_an_inbox_entry() throws Exception {
        UUID order = UUID.randomUUID();
        placeAndPrice(order, 1, 0);
        Envelope updated = registration.send(order, 3, new OrderUpdated(order, List.of(new SeatQuantity(UUID.randomUUID(), 2))));
        registration.send(order, 4, new OrderConfirmed(order, false));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].status").value("CONFIRMED")));
        Integer inboxed = jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = ? AND message_id = ?",
                Integer.class, RegistrationEventsConsumer.CONSUMER, updated.messageId());
        org.assertj.core.api.Assertions.assertThat(inboxed).isZero();
    }

    @Test
    void a_redelivered_message_has_no_second_effect() throws Exception {
        UUID order = UUID.randomUUID();
        placeAndPrice(order, 1, 0);
        Envelope first = registration.send(order, 3,
                new OrderRegistrantAssigned(order, "Old", "Name", "old@example.org"));
        registration.send(order, 4, new OrderRegistrantAssigned(order, "New", "Name", "new@example.org"));
        registration.send(first); // Kafka delivers it again, after the newer one
        registration.send(order, 5, new OrderConfirmed(order, false));

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].status").value("CONFIRMED")));
        api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$[0].registrant.email").value("new@example.org"));
        Integer inboxed = jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer = ? AND message_id = ?",
                Integer.class, RegistrationEventsConsumer.CONSUMER, first.messageId());
        org.assertj.core.api.Assertions.assertThat(inboxed).isEqualTo(1);
    }

    @Test
    void orders_of_other_conferences_and_unrelated_registration_events_are_not_listed() throws Exception {
        Owner other = api().createConference();
        UUID othersOrder = UUID.randomUUID();
        registration.send(othersOrder, 1, new OrderPlaced(othersOrder, other.conferenceId(),
                List.of(new SeatQuantity(UUID.randomUUID(), 1)), Instant.now().plusSeconds(900), "XYZ123"));
        registration.send(owner.conferenceId(), 1, new SeatsReserved(owner.conferenceId(), othersOrder,
                List.of(new SeatQuantity(general, 1)), List.of(new SeatQuantity(general, -1))));
        UUID mine = UUID.randomUUID();
        placeAndPrice(mine, 1, 0);

        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(other.path() + "/orders").with(as(other)))
                .andExpect(jsonPath("$", hasSize(1))));
        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orderId").value(mine.toString())));
    }

    /** OrderPlaced and OrderTotalsCalculated (versions 1 and 2) for that many General and Workshop seats. */
    private void placeAndPrice(UUID order, int generalSeats, int workshopSeats) {
        List<SeatQuantity> seats = workshopSeats == 0
                ? List.of(new SeatQuantity(general, generalSeats))
                : List.of(new SeatQuantity(general, generalSeats), new SeatQuantity(workshop, workshopSeats));
        registration.send(order, 1, new OrderPlaced(order, owner.conferenceId(), seats,
                Instant.now().plusSeconds(900), "ABC123"));
        registration.send(order, 2, totals(order, generalSeats, workshopSeats));
    }

    private OrderTotalsCalculated totals(UUID order, int generalSeats, int workshopSeats) {
        OrderLine generalLine = OrderLine.of(general, "General", Money.of("100", "EUR"), generalSeats);
        List<OrderLine> lines = workshopSeats == 0 ? List.of(generalLine)
                : List.of(generalLine, OrderLine.of(workshop, "Workshop", Money.of("50", "EUR"), workshopSeats));
        Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money.zero("EUR"), Money::plus);
        return new OrderTotalsCalculated(order, total, lines, total.isZero());
    }
}
