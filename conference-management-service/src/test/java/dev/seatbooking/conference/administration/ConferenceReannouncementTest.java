package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.TopicFollower;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Conferences that existed before V9 are announced once more (ADR 17: registration's catalog learns their start
 * date and cut-off): one ConferenceUpdated with the full current state, the mark cleared, and nothing the second
 * time — also with several instances running it at once.
 */
class ConferenceReannouncementTest extends IntegrationTest {

    @Autowired
    ConferenceReannouncement reannouncement;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_marked_conference_is_announced_once_with_its_full_state_and_the_second_run_sends_nothing()
            throws Exception {
        Owner owner = api().createConference();
        api().perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());
        UUID id = owner.conferenceId();
        try (TopicFollower topic = new TopicFollower(Topics.CONFERENCE_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.envelopesWithKey(id).size() == 2);
            mark(id);

            assertThat(reannouncement.reannounceMarked()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> topic.envelopesWithKey(id).size() == 3);
            Envelope last = topic.envelopesWithKey(id).getLast();
            assertThat(last.aggregateVersion()).isEqualTo(3);
            ConferenceUpdated updated = (ConferenceUpdated) last.payload();
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT slug, start_date, cancellation_cutoff_days FROM conferences WHERE id = ?", id);
            assertThat(updated.slug()).isEqualTo(row.get("slug"));
            assertThat(updated.startDate()).isEqualTo(((Date) row.get("start_date")).toLocalDate());
            assertThat(updated.cancellationCutoffDays()).isEqualTo(row.get("cancellation_cutoff_days"));
            assertThat(marked(id)).isFalse();

            assertThat(reannouncement.reannounceMarked()).isZero();
            assertThat(outboxRowsOf(id)).as("nothing more enqueued").isEqualTo(3);
        }
    }

    @RepeatedTest(5)
    void instances_running_it_at_once_announce_each_marked_conference_once() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) ids.add(api().createConference().conferenceId());
        ids.forEach(this::mark);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return reannouncement.reannounceMarked();
                }));
            }
            start.countDown();
            int announced = 0;
            for (Future<Integer> run : runs) announced += run.get();
            assertThat(announced).isEqualTo(ids.size());
        }
        for (UUID id : ids) {
            assertThat(marked(id)).isFalse();
            assertThat(outboxRowsOf(id)).as("ConferenceCreated, then one ConferenceUpdated").isEqualTo(2);
        }
    }

    private void mark(UUID id) {
        jdbc.update("UPDATE conferences SET reannounce = true WHERE id = ?", id);
    }

    private boolean marked(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT reannounce FROM conferences WHERE id = ?",
                Boolean.class, id));
    }

    private int outboxRowsOf(UUID id) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM outgoing_messages WHERE topic = ? AND message_key = ?",
                Integer.class, Topics.CONFERENCE_EVENTS, id.toString());
        return rows == null ? 0 : rows;
    }
}
