package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.TopicFollower;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUnpublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox against the real broker: every committed change arrives on {@code conference.events}, keyed and
 * versioned by conference, in commit order; a change that rolls back never does, and a change whose event cannot
 * be stored does not commit.
 */
class ConferenceEventsOutboxTest extends IntegrationTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Autowired
    ConferenceAdministration administration;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private TopicFollower topic;

    @BeforeEach
    void follow() {
        topic = new TopicFollower(Topics.CONFERENCE_EVENTS);
    }

    @AfterEach
    void stop() {
        topic.close();
    }

    @Test
    void every_committed_change_arrives_in_order_keyed_and_versioned_by_conference() throws Exception {
        AdminApi api = api();
        Map<String, Object> conference = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
        Owner owner = api.create(conference);                                                       // v1 created
        UUID general = api.addSeatType(owner, AdminApi.seatType("General", 100, "199", "EUR"));    // never published: silent
        conference.put("name", "CQRS Summit 2026");
        conference.put("offerHoldHours", 6);
        conference.put("cancellationCutoffDays", 2);
        api.perform(api.withJson(put(owner.path()).with(as(owner)), conference)).andExpect(status().isOk()); // v2 updated
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());  // v3 seat, v4 published
        UUID vip = api.addSeatType(owner, AdminApi.seatType("VIP", 10, "500", "EUR"));             // v5 seat created
        api.perform(api.withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                AdminApi.seatType("General", 120, "199", "EUR"))).andExpect(status().isOk());      // v6 seat updated
        api.perform(api.withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                AdminApi.seatType("General", 120, "199", "EUR"))).andExpect(status().isOk());      // unchanged: silent
        api.perform(post(owner.path() + "/unpublish").with(as(owner))).andExpect(status().isOk()); // v7 unpublished
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());  // v8 published again

        UUID id = owner.conferenceId();
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.envelopesWithKey(id)).hasSize(8));
        List<Envelope> events = topic.envelopesWithKey(id);
        assertThat(events).extracting(e -> e.payload().getClass().getSimpleName(), Envelope::aggregateVersion)
                .containsExactly(
                        tuple("ConferenceCreated", 1L),
                        tuple("ConferenceUpdated", 2L),
                        tuple("SeatCreated", 3L),
                        tuple("ConferencePublished", 4L),
                        tuple("SeatCreated", 5L),
                        tuple("SeatUpdated", 6L),
                        tuple("ConferenceUnpublished", 7L),
                        tuple("ConferencePublished", 8L));
        assertThat(events).allSatisfy(e -> assertThat(e.aggregateId()).isEqualTo(id));
        assertThat(events.get(0).payload()).isEqualTo(new ConferenceCreated(id, (String) conference.get("slug"),
                "CQRS Summit", "Two days of event sourcing", "Redmond", "Commands and queries, apart", "#cqrs",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), "Ada Owner", owner.email(), Duration.ofMinutes(20),
                Duration.ofHours(48), 10));
        assertThat(((ConferenceUpdated) events.get(1).payload()))
                .extracting(ConferenceUpdated::name, ConferenceUpdated::offerHold,
                        ConferenceUpdated::cancellationCutoffDays)
                .containsExactly("CQRS Summit 2026", Duration.ofHours(6), 2);
        assertThat(events.get(2).payload())
                .isEqualTo(new SeatCreated(id, general, "General", "General access", 100, Money.of("199", "EUR")));
        assertThat(events.get(3).payload()).isEqualTo(new ConferencePublished(id));
        assertThat(((SeatCreated) events.get(4).payload()).seatTypeId()).isEqualTo(vip);
        assertThat(events.get(5).payload())
                .isEqualTo(new SeatUpdated(id, general, "General", "General access", 120, Money.of("199", "EUR")));
        assertThat(events.get(6).payload()).isEqualTo(new ConferenceUnpublished(id));
        // the first publication's announcements are one conversation
        assertThat(events.get(2).correlationId()).isEqualTo(events.get(3).correlationId());

        List<ConsumerRecord<String, byte[]>> records = topic.recordsWithKey(id.toString());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            assertThat(new String(record.headers().lastHeader("message-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(events.get(i).messageId().toString());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(owner.accessCode());
        }
    }

    @Test
    void promotional_codes_are_announced_in_full_once_the_conference_was_ever_published() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();                                                      // v1 created
        UUID general = api.addSeatType(owner, AdminApi.seatType("General", 100, "199", "EUR"));   // silent
        Map<String, Object> speaker = AdminApi.percentCode("speaker", 100);
        speaker.put("seatTypeIds", List.of(general.toString()));
        speaker.put("usageLimit", 1);
        speaker.put("exclusive", true);
        UUID speakerId = api.createCode(owner, speaker);                                           // never published: silent
        String speakerPath = owner.path() + "/promotional-codes/" + speakerId;
        api.perform(post(speakerPath + "/disable").with(as(owner))).andExpect(status().isOk());   // silent
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());  // v2 seat, v3 code, v4 published
        Map<String, Object> partner = AdminApi.amountCode("PARTNER", "20", "EUR");
        partner.put("validFrom", "2026-06-01T00:00:00Z");
        partner.put("validUntil", "2026-07-01T00:00:00Z");
        UUID partnerId = api.createCode(owner, partner);                                           // v5
        api.perform(api.withJson(post(owner.path() + "/promotional-codes").with(as(owner)),
                AdminApi.percentCode("Partner", 5))).andExpect(status().isConflict());            // refused: silent
        api.perform(post(speakerPath + "/enable").with(as(owner))).andExpect(status().isOk());    // v6
        api.perform(post(speakerPath + "/enable").with(as(owner))).andExpect(status().isOk());    // unchanged: silent
        speaker.put("usageLimit", 2);
        api.perform(api.withJson(put(speakerPath).with(as(owner)), speaker)).andExpect(status().isOk()); // v7
        api.perform(api.withJson(put(speakerPath).with(as(owner)), speaker)).andExpect(status().isOk()); // unchanged: silent
        api.perform(post(owner.path() + "/unpublish").with(as(owner))).andExpect(status().isOk()); // v8
        api.perform(post(owner.path() + "/promotional-codes/" + partnerId + "/disable").with(as(owner)))
                .andExpect(status().isOk());                                                       // v9: was published
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());  // v10: no code again

        UUID id = owner.conferenceId();
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.envelopesWithKey(id)).hasSize(10));
        List<Envelope> events = topic.envelopesWithKey(id);
        assertThat(events).extracting(e -> e.payload().getClass().getSimpleName(), Envelope::aggregateVersion)
                .containsExactly(
                        tuple("ConferenceCreated", 1L),
                        tuple("SeatCreated", 2L),
                        tuple("PromotionalCodeDefined", 3L),
                        tuple("ConferencePublished", 4L),
                        tuple("PromotionalCodeDefined", 5L),
                        tuple("PromotionalCodeDefined", 6L),
                        tuple("PromotionalCodeDefined", 7L),
                        tuple("ConferenceUnpublished", 8L),
                        tuple("PromotionalCodeDefined", 9L),
                        tuple("ConferencePublished", 10L));
        assertThat(events).allSatisfy(e -> assertThat(e.aggregateId()).isEqualTo(id));
        assertThat(events.get(2).payload()).isEqualTo(new PromotionalCodeDefined(id, speakerId, "SPEAKER",
                Discount.percentage(100), CodeScope.of(List.of(general)), 1, null, null, true, false));
        assertThat(events.get(2).correlationId()).isEqualTo(events.get(3).correlationId());
        assertThat(events.get(4).payload()).isEqualTo(new PromotionalCodeDefined(id, partnerId, "PARTNER",
                Discount.fixedAmount(Money.of("20", "EUR")), CodeScope.ALL_SEAT_TYPES, null,
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"), false, true));
        assertThat(((PromotionalCodeDefined) events.get(5).payload()).enabled()).isTrue();
        assertThat(((PromotionalCodeDefined) events.get(6).payload()).usageLimit()).isEqualTo(2);
        assertThat(((PromotionalCodeDefined) events.get(8).payload()))
                .extracting(PromotionalCodeDefined::codeId, PromotionalCodeDefined::enabled)
                .containsExactly(partnerId, false);
    }

    @Test
    void a_change_that_rolls_back_is_never_published() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID id = owner.conferenceId();
        ConferenceDetails details = administration.get(id).details();

        transactions.executeWithoutResult(tx -> {
            administration.update(id, renamed(details, "Rolled back"));
            tx.setRollbackOnly();
        });
        administration.update(id, renamed(details, "Committed"));

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.envelopesWithKey(id)).hasSize(2));
        assertThat(topic.envelopesWithKey(id)).extracting(Envelope::payload, Envelope::aggregateVersion)
                .containsExactly(
                        tuple(topic.envelopesWithKey(id).get(0).payload(), 1L),
                        tuple(new ConferenceUpdated(id, details.slug(), "Committed", details.description(),
                                details.location(), details.tagline(), details.twitterSearch(), details.startDate(),
                                details.endDate(), details.ownerName(), details.ownerEmail(),
                                details.reservationHold(), details.offerHold(),
                                details.cancellationCutoffDays()), 2L));
        assertThat(outboxRowsMentioning("Rolled back")).isZero();
        api.perform(get(owner.path()).with(as(owner))).andExpect(jsonPath("$.name").value("Committed"));
    }

    @Test
    void a_change_whose_event_cannot_be_stored_in_the_outbox_is_not_committed() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID id = owner.conferenceId();
        // A real database failure on the outbox insert, for the marked event only.
        jdbc.execute("""
                CREATE FUNCTION refuse_marked_message() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF position('OUTBOX-REFUSES' in convert_from(NEW.payload, 'UTF8')) > 0 THEN
                        RAISE EXCEPTION 'outbox refuses this message';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER refuse_marked_message BEFORE INSERT ON outgoing_messages
                FOR EACH ROW EXECUTE FUNCTION refuse_marked_message()""");
        try {
            Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), owner.email());
            body.put("name", "OUTBOX-REFUSES");
            api.perform(api.withJson(put(owner.path()).with(as(owner)), body))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/internal-error"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("outbox refuses"))));
        } finally {
            jdbc.execute("DROP TRIGGER refuse_marked_message ON outgoing_messages");
            jdbc.execute("DROP FUNCTION refuse_marked_message()");
        }
        api.perform(get(owner.path()).with(as(owner))).andExpect(jsonPath("$.name").value("CQRS Summit"));

        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.envelopesWithKey(id))
                .extracting(e -> e.payload().getClass().getSimpleName(), Envelope::aggregateVersion)
                .containsExactly(tuple("ConferenceCreated", 1L), tuple("ConferencePublished", 2L)));
    }

    @Test
    void a_rejected_change_publishes_nothing() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        Owner other = api.createConference();
        UUID id = owner.conferenceId();
        api.addSeatType(owner, AdminApi.seatType("General", 10, "10", "EUR"));
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());

        Map<String, Object> taken = AdminApi.conference(
                administration.get(other.conferenceId()).slug(), owner.email());
        api.perform(api.withJson(put(owner.path()).with(as(owner)), taken)).andExpect(status().isConflict());
        api.perform(api.withJson(post(owner.path() + "/seat-types").with(as(owner)),
                AdminApi.seatType("VIP", 1, "10", "USD"))).andExpect(status().isUnprocessableContent());
        api.perform(post(owner.path() + "/unpublish").with(as(owner))).andExpect(status().isOk());

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.envelopesWithKey(id))
                .extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("ConferenceCreated", "SeatCreated", "ConferencePublished", "ConferenceUnpublished"));
    }

    private int outboxRowsMentioning(String text) {
        Integer rows = jdbc.queryForObject("""
                SELECT count(*) FROM outgoing_messages
                WHERE position(? in convert_from(payload, 'UTF8')) > 0""", Integer.class, text);
        return rows == null ? 0 : rows;
    }

    private static ConferenceDetails renamed(ConferenceDetails d, String name) {
        return new ConferenceDetails(d.slug(), name, d.description(), d.location(), d.tagline(), d.twitterSearch(),
                d.startDate(), d.endDate(), d.ownerName(), d.ownerEmail(), d.reservationHold(), d.offerHold(),
                d.cancellationCutoffDays());
    }
}
