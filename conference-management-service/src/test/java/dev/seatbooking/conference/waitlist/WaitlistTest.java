package dev.seatbooking.conference.waitlist;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration's waitlist events, sent to the real broker on the conference's SeatsAvailability stream (key =
 * conference id), become the owner's waitlist view: per seat type the people on the list, the seats they still want,
 * the seats offered to them and the revenue they represent; a redelivered, republished or older event changes nothing.
 */
class WaitlistTest extends IntegrationTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    private final RegistrationEvents registration = new RegistrationEvents();
    private Owner owner;
    private UUID conference;
    private UUID general;
    private UUID workshop;
    /** The version of the conference's SeatsAvailability stream sent last. */
    private long version;
    /** Each entry's seat type, as it joined. */
    private final Map<UUID, UUID> seatTypes = new HashMap<>();

    @BeforeEach
    void conference() throws Exception {
        owner = api().createConference();
        conference = owner.conferenceId();
        general = api().addSeatType(owner, AdminApi.seatType("General", 10, "60", "EUR"));
        workshop = api().addSeatType(owner, AdminApi.seatType("Workshop", 5, "25.50", "EUR"));
    }

    @AfterEach
    void close() {
        registration.close();
    }

    @Test
    void nobody_waiting_shows_every_seat_type_in_order_with_zeros() throws Exception {
        view().andExpect(status().isOk())
                .andExpect(jsonPath("$.seatTypes", hasSize(2)))
                .andExpect(jsonPath("$.seatTypes[0].seatTypeId").value(general.toString()))
                .andExpect(jsonPath("$.seatTypes[0].name").value("General"))
                .andExpect(jsonPath("$.seatTypes[1].name").value("Workshop"))
                .andExpect(jsonPath("$.seatTypes[1].people").value(0))
                .andExpect(jsonPath("$.seatTypes[1].seatsWanted").value(0))
                .andExpect(jsonPath("$.seatTypes[1].seatsOffered").value(0))
                .andExpect(jsonPath("$.seatTypes[1].revenue.amount").value(0))
                .andExpect(jsonPath("$.seatTypes[1].revenue.currency").value("EUR"));
    }

    @Test
    void people_who_join_wait_for_their_seats_worth_the_current_price() throws Exception {
        send(joined(UUID.randomUUID(), general, 3));
        send(joined(UUID.randomUUID(), general, 2));
        send(joined(UUID.randomUUID(), workshop, 1));

        awaitView(general(2, 5, 0));
        view().andExpect(jsonPath("$.seatTypes[0].revenue.amount").value(300.00))
                .andExpect(jsonPath("$.seatTypes[0].revenue.currency").value("EUR"))
                .andExpect(jsonPath("$.seatTypes[1].people").value(1))
                .andExpect(jsonPath("$.seatTypes[1].seatsWanted").value(1))
                .andExpect(jsonPath("$.seatTypes[1].revenue.amount").value(25.50));

        // The revenue is at the price of now: the owner raised it.
        api().perform(api().withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                AdminApi.seatType("General", 10, "90", "EUR"))).andExpect(status().isOk());
        view().andExpect(jsonPath("$.seatTypes[0].revenue.amount").value(450.00));
    }

    @Test
    void partial_offers_move_seats_from_wanted_to_offered_until_the_entry_is_offered_all() throws Exception {
        UUID entry = UUID.randomUUID();
        send(joined(entry, general, 3));
        send(offered(entry, 1));
        awaitView(general(1, 2, 1));

        send(offered(entry, 3));
        awaitView(general(1, 0, 3));
        view().andExpect(jsonPath("$.seatTypes[0].revenue.amount").value(180.00));
    }

    @Test
    void a_lapsed_offer_and_leaving_take_entries_off_the_list() throws Exception {
        UUID lapsing = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        send(joined(lapsing, general, 2));
        send(joined(leaving, general, 1));
        send(joined(staying, general, 4));
        send(offered(lapsing, 2));
        awaitView(general(3, 5, 2));

        // The lapsed entry's two seats pass to the next: the one who then leaves declines its seat.
        send(new WaitlistOfferLapsed(conference, lapsing, List.of(), List.of()));
        send(offered(leaving, 1));
        send(offered(staying, 1));
        awaitView(general(2, 3, 2));
        send(new WaitlistLeft(conference, leaving, List.of(), List.of()));
        awaitView(general(1, 3, 1));
    }

    @Test
    void an_accepted_offer_takes_the_entry_off_the_list() throws Exception {
        UUID entry = UUID.randomUUID();
        send(joined(entry, workshop, 2));
        send(offered(entry, 2));
        send(new WaitlistOfferAccepted(conference, entry, UUID.randomUUID(), List.of(new SeatQuantity(workshop, 2))));
        send(joined(UUID.randomUUID(), workshop, 1));

        awaitView(workshop(1, 1, 0));
    }

    @Test
    void a_redelivered_republished_or_older_event_changes_nothing() throws Exception {
        UUID entry = UUID.randomUUID();
        Envelope join = send(joined(entry, general, 2));
        Envelope partial = send(offered(entry, 1));
        awaitView(general(1, 1, 1));
        send(new WaitlistLeft(conference, entry, List.of(), List.of()));
        awaitView(general(0, 0, 0));

        registration.send(join);                                                   // redelivered: the inbox has it
        registration.send(conference, join.aggregateVersion(), join.payload());    // republished with a new message id
        registration.send(conference, partial.aggregateVersion(), offered(entry, 2)); // older than the leave
        // the same key, so the same partition: once this later event is in, the ones before it were consumed
        send(joined(UUID.randomUUID(), workshop, 1));
        awaitView(workshop(1, 1, 0));
        view().andExpect(general(0, 0, 0));
    }

    @Test
    void another_owner_is_refused_and_an_unknown_conference_is_refused_the_same() throws Exception {
        Owner other = api().createConference();
        api().perform(get(owner.path() + "/waitlist").with(as(other))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/access-denied"));
        api().perform(get("/api/conferences/" + UUID.randomUUID() + "/waitlist").with(as(other)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/access-denied"));
        api().perform(get(owner.path() + "/waitlist")).andExpect(status().isUnauthorized());
    }

    private WaitlistJoined joined(UUID entry, UUID seatType, int quantity) {
        seatTypes.put(entry, seatType);
        return new WaitlistJoined(conference, entry, seatType, quantity);
    }

    private WaitlistOfferMade offered(UUID entry, int seats) {
        return new WaitlistOfferMade(conference, entry, new SeatQuantity(seatTypes.get(entry), seats), List.of(),
                Instant.now().plus(Duration.ofHours(24)));
    }

    /** The next event of the conference's SeatsAvailability stream. */
    private Envelope send(Message event) {
        return registration.send(conference, ++version, event);
    }

    private ResultActions view() throws Exception {
        return api().perform(get(owner.path() + "/waitlist").with(as(owner)));
    }

    private void awaitView(ResultMatcher expected) {
        await().atMost(CONSUMED).untilAsserted(() -> view().andExpect(expected));
    }

    private static ResultMatcher general(int people, int wanted, int offered) {
        return counts(0, people, wanted, offered);
    }

    private static ResultMatcher workshop(int people, int wanted, int offered) {
        return counts(1, people, wanted, offered);
    }

    private static ResultMatcher counts(int index, int people, int wanted, int offered) {
        String seatType = "$.seatTypes[" + index + "].";
        List<ResultMatcher> matchers = List.of(jsonPath(seatType + "people").value(people),
                jsonPath(seatType + "seatsWanted").value(wanted), jsonPath(seatType + "seatsOffered").value(offered));
        return result -> {
            for (ResultMatcher matcher : matchers) matcher.match(result);
        };
    }
}
