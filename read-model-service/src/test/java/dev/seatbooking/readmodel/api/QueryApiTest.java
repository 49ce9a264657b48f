package dev.seatbooking.readmodel.api;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Samples;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.anyAddress;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.OrderAccessRequests.from;
import static dev.seatbooking.readmodel.support.Samples.codeApplied;
import static dev.seatbooking.readmodel.support.Samples.discount;
import static dev.seatbooking.readmodel.support.Samples.discountedTotals;
import static dev.seatbooking.readmodel.support.Samples.accessCode;
import static dev.seatbooking.readmodel.support.Samples.conferenceCreated;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The query API over the real broker: events in on the topics, JSON out. */
class QueryApiTest extends ReadModelTest {

    static final UUID GENERAL = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    final EventPublisher events = EventPublisher.shared();

    void awaitStatus(String path, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(expected));
    }

    @Test
    void a_conference_page_with_prices_and_seats_available_now_cacheable_and_revalidated_by_etag() throws Exception {
        Stream conference = Stream.random();
        UUID id = conference.id();
        Stream availability = Stream.of(id);
        String slug = "api" + id.toString().substring(0, 8);
        events.publish(conference.next(conferenceCreated(id, slug)),
                conference.next(seatCreated(id, GENERAL, "General", 50, "120.00")),
                conference.next(new ConferencePublished(id)),
                availability.next(new AvailableSeatsChanged(id, List.of(seats(GENERAL, 50)))),
                availability.next(new SeatsReserved(id, UUID.randomUUID(), List.of(seats(GENERAL, 5)),
                        List.of(seats(GENERAL, -5)))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/conferences/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seatTypes[0].availableQuantity").value(45)));

        MvcResult page = mvc.perform(get("/api/conferences/" + slug))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.seatTypes[0].name").value("General"))
                .andExpect(jsonPath("$.seatTypes[0].price.amount").value(120.00))
                .andExpect(jsonPath("$.seatTypes[0].price.currency").value("EUR"))
                .andExpect(jsonPath("$.seatTypes[0].quantity").value(50))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=10, public"))
                .andExpect(header().string(HttpHeaders.ETAG, startsWith("\"g")))
                .andReturn();
        String etag = page.getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(get("/api/conferences/" + slug).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag));

        events.publish(availability.next(new SeatsReserved(id, UUID.randomUUID(), List.of(seats(GENERAL, 1)),
                List.of(seats(GENERAL, -1)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/conferences/" + slug).header(HttpHeaders.IF_NONE_MATCH, etag))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.seatTypes[0].availableQuantity").value(44)));

        mvc.perform(get("/api/conferences"))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$[*].slug", hasItem(slug)));
    }

    @Test
    void a_conference_page_says_a_waitlist_exists_while_anyone_is_on_it() throws Exception {
        Stream conference = Stream.random();
        UUID id = conference.id();
        Stream availability = Stream.of(id);
        UUID general = UUID.randomUUID(); // its own: a seat type belongs to the conference that created it
        UUID workshop = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        String slug = "wl" + id.toString().substring(0, 8);
        events.publish(conference.next(conferenceCreated(id, slug)),
                conference.next(seatCreated(id, general, "General", 1, "120.00")),
                conference.next(seatCreated(id, workshop, "Workshop", 5, "60.00")),
                conference.next(new ConferencePublished(id)),
                availability.next(new AvailableSeatsChanged(id, List.of(seats(general, 1), seats(workshop, 5)))),
                availability.next(new SeatsReserved(id, UUID.randomUUID(), List.of(seats(general, 1)),
                        List.of(seats(general, -1)))),
                availability.next(new WaitlistJoined(id, entry, general, 2)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/conferences/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availabilityVersion").value(3))
                .andExpect(jsonPath("$.seatTypes[0].name").value("General"))
                .andExpect(jsonPath("$.seatTypes[0].availableQuantity").value(0))
                .andExpect(jsonPath("$.seatTypes[0].waitlisted").value(true))
                .andExpect(jsonPath("$.seatTypes[1].waitlisted").value(false)));

        events.publish(availability.next(new WaitlistOfferMade(id, entry, seats(general, 1), List.of(),
                        Samples.EXPIRES)),
                availability.next(new WaitlistOfferLapsed(id, entry, List.of(seats(general, 1)), List.of())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/conferences/" + slug))
                .andExpect(jsonPath("$.availabilityVersion").value(5))
                .andExpect(jsonPath("$.seatTypes[0].availableQuantity").value(1))
                .andExpect(jsonPath("$.seatTypes[0].waitlisted").value(false)));
    }

    @Test
    void an_orders_draft_priced_and_seat_views() throws Exception {
        UUID conference = UUID.randomUUID();
        Stream order = Stream.random();
        UUID id = order.id();
        Stream payment = Stream.random();
        Stream assignments = Stream.random();
        events.publish(order.next(orderPlaced(id, conference, seats(GENERAL, 2))),
                order.next(totals(id, "25", seats(GENERAL, 2))),
                order.next(new OrderReservationCompleted(id, Samples.EXPIRES, List.of(seats(GENERAL, 2)))),
                order.next(new OrderRegistrantAssigned(id, "Grace", "Hopper", "grace@example.com")),
                payment.next(new PaymentInitiated(payment.id(), id, conference, Money.of("50", "EUR"))),
                payment.next(new PaymentCompleted(payment.id(), id, conference, Money.of("50", "EUR"))),
                order.next(new OrderConfirmed(id, false)),
                assignments.next(new SeatAssignmentsCreated(assignments.id(), id,
                        List.of(new SeatPosition(0, GENERAL), new SeatPosition(1, GENERAL)))),
                assignments.next(new SeatAssigned(assignments.id(), id, 1, GENERAL,
                        new PersonalInfo("Grace", "Hopper", "grace@example.com"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONFIRMED")));
        mvc.perform(get("/api/draft-orders/" + id).with(codeOf(id)))
                .andExpect(jsonPath("$.lines[0].requested").value(2))
                .andExpect(jsonPath("$.lines[0].reserved").value(2))
                .andExpect(jsonPath("$.registrant.email").value("grace@example.com"))
                .andExpect(jsonPath("$.reservationExpiration").value(Samples.EXPIRES.toString()))
                .andExpect(jsonPath("$.version").value(5))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, private"))
                .andExpect(header().string(HttpHeaders.ETAG, startsWith("\"g")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/priced-orders/" + id).with(codeOf(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payments[0].status").value("COMPLETED")));
        mvc.perform(get("/api/priced-orders/" + id).with(codeOf(id)))
                .andExpect(jsonPath("$.total.amount").value(50))
                .andExpect(jsonPath("$.subtotal.amount").value(50))
                .andExpect(jsonPath("$.discounts").isEmpty())
                .andExpect(jsonPath("$.promotionalCodes").isEmpty())
                .andExpect(jsonPath("$.lines[0].lineTotal.amount").value(50))
                .andExpect(jsonPath("$.isFreeOfCharge").value(false))
                .andExpect(jsonPath("$.status").value("CONFIRMED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/order-seats/" + id).with(codeOf(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats[1].attendee.lastName").value("Hopper")));
        mvc.perform(get("/api/order-seats/" + id).with(codeOf(id)))
                .andExpect(jsonPath("$.seatAssignmentsId").value(assignments.id().toString()))
                .andExpect(jsonPath("$.seats[0].attendee").doesNotExist());

        mvc.perform(post("/api/draft-orders/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"GRACE@example.com\", \"accessCode\": \"" + accessCode(id) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.orderId").value(id.toString()))
                .andExpect(jsonPath("$.registrant.lastName").value("Hopper"));
    }

    @Test
    void a_priced_order_with_a_promotional_code_shows_the_code_its_discount_and_the_total_after_it() throws Exception {
        Stream order = Stream.random();
        UUID id = order.id();
        UUID code = UUID.randomUUID();
        events.publish(order.next(orderPlaced(id, UUID.randomUUID(), seats(GENERAL, 2))),
                order.next(codeApplied(id, code, "partner20", 20)),
                order.next(discountedTotals(id, "25", List.of(discount(code, "PARTNER20", GENERAL, "10")),
                        seats(GENERAL, 2))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/priced-orders/" + id).with(codeOf(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3)));
        mvc.perform(get("/api/priced-orders/" + id).with(codeOf(id)))
                .andExpect(jsonPath("$.promotionalCodes[0].codeId").value(code.toString()))
                .andExpect(jsonPath("$.promotionalCodes[0].code").value("PARTNER20"))
                .andExpect(jsonPath("$.discounts[0].code").value("PARTNER20"))
                .andExpect(jsonPath("$.discounts[0].seatTypeId").value(GENERAL.toString()))
                .andExpect(jsonPath("$.discounts[0].amount.amount").value(10))
                .andExpect(jsonPath("$.discounts[0].amount.currency").value("EUR"))
                .andExpect(jsonPath("$.subtotal.amount").value(50))
                .andExpect(jsonPath("$.total.amount").value(40))
                .andExpect(jsonPath("$.isFreeOfCharge").value(false));
    }

    @Test
    void unknown_things_are_404_problems() throws Exception {
        String client = anyAddress();
        mvc.perform(get("/api/draft-orders/" + UUID.randomUUID()).with(from(client)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.trace").doesNotExist());
        mvc.perform(get("/api/conferences/no-such-conference"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/not-found"));
        mvc.perform(get("/api/priced-orders/" + UUID.randomUUID()).with(from(client))).andExpect(status().isNotFound());
        mvc.perform(get("/api/order-seats/" + UUID.randomUUID()).with(from(client))).andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/projections/no-such-projection").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/unknown-projection"));
        mvc.perform(get("/api/no-such-resource"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/not-found"));
    }

    @Test
    void malformed_requests_are_400_problems_naming_the_field() throws Exception {
        mvc.perform(get("/api/draft-orders/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("orderId"));
        mvc.perform(get("/api/draft-orders/" + UUID.randomUUID()).header("Consistency-Token", "not-a-token")
                        .with(from(anyAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/invalid-consistency-token"))
                .andExpect(jsonPath("$.errors[0].field").value("Consistency-Token"));
        mvc.perform(get("/api/conferences").param("consistencyToken", UUID.randomUUID() + ".x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/invalid-consistency-token"));
    }

    @Test
    void the_api_is_described_by_openapi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/draft-orders/{orderId}']").exists())
                .andExpect(jsonPath("$.paths['/api/conferences/{slug}']").exists())
                .andExpect(jsonPath("$.paths['/api/admin/projections/{name}/rebuild']").exists());
    }
}
