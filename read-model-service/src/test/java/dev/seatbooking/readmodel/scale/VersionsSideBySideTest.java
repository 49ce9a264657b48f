package dev.seatbooking.readmodel.scale;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.conference.ConferencesProjection;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionDescriptor;
import dev.seatbooking.readmodel.projection.Tables;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelInstance;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.Samples.conferenceCreated;
import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schema change deployed with no downtime: instance A runs the conferences projection at its schema version, B
 * (the next release) at the next one, with another table shape and another way of applying (it shouts conference
 * names). B builds its own generation from the topics while A keeps answering and feeding its generation; B is not
 * ready until its generation has caught up, then both answer, each from the generation of its version, and both
 * follow new events. When A stops (the end of the rolling deploy), B retires A's generation.
 */
class VersionsSideBySideTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final UUID GENERAL = UUID.randomUUID();

    private final TestPostgres.Database database = TestPostgres.newDatabase("readmodel_versions");
    private final ReadModelProperties.Topics topics = new ReadModelProperties.Topics(
            TestKafka.uniqueTopic("versions.conference"), TestKafka.uniqueTopic("versions.registration"),
            TestKafka.uniqueTopic("versions.payments"));
    private final EventPublisher events = EventPublisher.shared();
    private final List<ReadModelInstance> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        Shouting.GATE.countDown();
        started.forEach(ReadModelInstance::close);
    }

    @Test
    void the_next_schema_version_builds_its_generation_while_the_previous_one_answers_then_both_answer() {
        Stream conference = Stream.random();
        Stream availability = Stream.of(conference.id());
        String slug = "versions" + conference.id().toString().substring(0, 6);
        String path = "/api/conferences/" + slug;
        events.publish(topics, List.of(conference.next(conferenceCreated(conference.id(), slug)),
                conference.next(seatCreated(conference.id(), GENERAL, "General", 10, "10")),
                conference.next(new ConferencePublished(conference.id())),
                availability.next(new AvailableSeatsChanged(conference.id(), List.of(seats(GENERAL, 10))))));
        ReadModelInstance previous = start();
        await().atMost(WAIT).until(() -> previous.get(path).body().contains("\"availableQuantity\":10"));
        Generation previousGeneration = previous.serving().generation(ConferencesProjection.NAME).orElseThrow();
        String v = String.valueOf(previousGeneration.schemaVersion()); // whatever the projection's version is now
        String vNext = String.valueOf(previousGeneration.schemaVersion() + 1);

        ReadModelInstance next = start(ShoutingConferences.class);

        // Next builds (held at the gate): not ready, while the previous version answers and keeps following.
        assertThat(next.get(path).statusCode()).isEqualTo(503);
        assertThat(next.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        events.publish(topics, List.of(reserved(availability, conference.id(), 2)));
        await().atMost(WAIT).until(() -> previous.get(path).body().contains("\"availableQuantity\":8"));
        assertThat(previous.get(path).body()).contains("\"name\":\"Conference " + slug + "\"");
        assertThat(previous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(statuses()).contains(v + ":serving", vNext + ":building");

        Shouting.GATE.countDown();

        await().atMost(WAIT).until(() -> next.get("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> shouted = next.get(path);
        assertThat(shouted.statusCode()).isEqualTo(200);
        assertThat(shouted.body()).contains("\"name\":\"CONFERENCE " + slug.toUpperCase() + "\"",
                "\"availableQuantity\":8");
        assertThat(previous.get(path).body()).contains("\"name\":\"Conference " + slug + "\"");
        assertThat(previous.serving().generation(ConferencesProjection.NAME)).contains(previousGeneration);
        assertThat(statuses()).contains(v + ":serving", vNext + ":serving");

        events.publish(topics, List.of(reserved(availability, conference.id(), 1)));
        for (ReadModelInstance instance : List.of(previous, next)) {
            await().atMost(WAIT).until(() -> instance.get(path).body().contains("\"availableQuantity\":7"));
        }

        previous.close();
        await().atMost(WAIT).until(() -> statuses().stream().noneMatch(s -> s.startsWith(v + ":") && !s.endsWith("d")));
        assertThat(next.get(path).statusCode()).isEqualTo(200);
    }

    private static Envelope reserved(Stream availability, UUID conferenceId, int seats) {
        return availability.next(new SeatsReserved(conferenceId, UUID.randomUUID(), List.of(seats(GENERAL, seats)),
                List.of(seats(GENERAL, -seats))));
    }

    /** {@code <schema version>:<status>} of each generation of the conferences projection (asked of the last started). */
    private List<String> statuses() {
        return started.getLast().bean(JdbcTemplate.class).queryForList("""
                SELECT schema_version || ':' || status FROM projection_generations WHERE projection = ?
                ORDER BY generation""", String.class, ConferencesProjection.NAME);
    }

    private ReadModelInstance start(Class<?>... sources) {
        ReadModelInstance instance = ReadModelInstance.start(database, topics, Map.of(), sources);
        started.add(instance);
        return instance;
    }

    /** The next release's conferences projection: its version runs in the instance started with it. */
    @Configuration(proxyBeanMethods = false)
    static class ShoutingConferences {
        @Bean
        static BeanPostProcessor shoutingConferences() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ConferencesProjection conferences ? new Shouting(conferences) : bean;
                }
            };
        }
    }

    /** Schema version + 1: one more column, and conference names kept in capitals. Waits at the gate first. */
    record Shouting(Projection delegate) implements Projection {
        static final CountDownLatch GATE = new CountDownLatch(1);

        @Override
        public ProjectionDescriptor descriptor() {
            ProjectionDescriptor d = delegate.descriptor();
            return new ProjectionDescriptor(d.name(), d.schemaVersion() + 1, d.streams(), d.tokenStream());
        }

        @Override
        public List<String> ddl() {
            List<String> ddl = new ArrayList<>(delegate.ddl());
            ddl.add("ALTER TABLE {g}.conferences ADD COLUMN shouted boolean NOT NULL DEFAULT false");
            return ddl;
        }

        @Override
        public void apply(Envelope event, Tables tables) {
            try {
                if (!GATE.await(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new IllegalStateException("gate kept shut");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            delegate.apply(event, tables);
            if (event.payload() instanceof ConferenceCreated || event.payload() instanceof ConferenceUpdated) {
                tables.update("UPDATE {g}.conferences SET name = upper(name), shouted = true WHERE conference_id = ?",
                        event.aggregateId());
            }
        }
    }
}
