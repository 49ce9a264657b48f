package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.eventsourcing.correlation.Correlation;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.readmodel.draftorder.DraftOrderQueries;
import dev.seatbooking.readmodel.draftorder.DraftOrderState;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine does around a projection: offsets, versions, anomalies, all or nothing. */
class BatchApplierTest extends ProjectionTest {

    @Autowired
    DraftOrdersProjection draftOrders;
    @Autowired
    DraftOrderQueries queries;

    @Test
    void offsets_and_versions_commit_with_the_tables() {
        ProjectionHarness harness = harness(draftOrders);
        Stream order = Stream.random();
        var outcome = harness.feed(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))),
                order.next(new OrderExpired(order.id())));

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.tokenStreamVersions()).isEqualTo(Map.of(order.id(), 2L));
        assertThat(GenerationSchema.offsets(harness.tables())).containsValue(2L);
        assertThat(GenerationSchema.appliedVersion(harness.tables(), StreamType.ORDER, order.id())).isEqualTo(2);
    }

    @Test
    void an_undecodable_record_is_recorded_and_skipped_and_the_batch_goes_on() {
        ProjectionHarness harness = harness(draftOrders);
        Stream order = Stream.random();
        var headers = MessageHeaders.of(UUID.randomUUID(), "registration.OrderPlaced", null, null);
        var garbage = harness.rawRecord(order.id().toString(), "{not json".getBytes(StandardCharsets.UTF_8), headers);
        var good = harness.record(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))));

        var outcome = harness.feedRecords(List.of(garbage, good));

        assertThat(outcome.anomalies()).isEqualTo(1);
        assertThat(outcome.applied()).isEqualTo(1);
        assertThat(harness.anomalies()).containsEntry("undecodable", 1L);
        assertThat(queries.find(harness.tables(), order.id())).get().extracting(d -> d.state())
                .isEqualTo(DraftOrderState.PENDING_RESERVATION);
    }

    @Test
    void records_of_streams_the_projection_does_not_follow_are_skipped_unread() {
        ProjectionHarness harness = harness(draftOrders);
        // A SeatsReserved header on a value that is not even JSON: never decoded, so no anomaly.
        var headers = MessageHeaders.of(UUID.randomUUID(), "registration.SeatsReserved", null, null);
        var outcome = harness.feedRecords(List.of(harness.rawRecord("k", new byte[]{1, 2, 3}, headers)));

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.anomalies()).isZero();
        assertThat(GenerationSchema.offsets(harness.tables())).containsValue(1L);
    }

    @Test
    void each_event_is_applied_with_its_conversation_in_the_log_context() {
        List<String> seen = new java.util.ArrayList<>();
        Projection listening = new Projection() {
            public ProjectionDescriptor descriptor() {
                return new ProjectionDescriptor("listening", 1, Set.of(StreamType.ORDER), StreamType.ORDER);
            }
            public List<String> ddl() { return List.of(); }
            public void apply(Envelope event, Tables tables) {
                seen.add(org.slf4j.MDC.get(Correlation.MDC_KEY));
            }
        };
        Stream order = Stream.random();
        Envelope placed = order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1)));
        Envelope expired = order.next(new OrderExpired(order.id()));

        harness(listening).feed(placed, expired);

        assertThat(seen).containsExactly(placed.correlationId().toString(), expired.correlationId().toString());
        assertThat(org.slf4j.MDC.get(Correlation.MDC_KEY)).isNull();
    }

    @Test
    void a_failing_event_rolls_the_whole_batch_back() {
        Projection failing = new Projection() {
            public ProjectionDescriptor descriptor() {
                return new ProjectionDescriptor("failing", 1, Set.of(StreamType.ORDER), StreamType.ORDER);
            }
            public List<String> ddl() { return List.of("CREATE TABLE {g}.seen (order_id uuid PRIMARY KEY)"); }
            public void apply(Envelope event, Tables tables) {
                if (event.payload() instanceof OrderExpired) throw new IllegalStateException("bug in the projection");
                tables.update("INSERT INTO {g}.seen VALUES (?)", event.aggregateId());
            }
        };
        ProjectionHarness harness = harness(failing);
        Stream order = Stream.random();

        assertThatThrownBy(() -> harness.feed(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))),
                order.next(new OrderExpired(order.id())))).hasMessageContaining("bug in the projection");

        assertThat(harness.tables().query("SELECT count(*) FROM {g}.seen", (r, n) -> r.getLong(1))).containsExactly(0L);
        assertThat(GenerationSchema.offsets(harness.tables())).isEmpty();
        assertThat(GenerationSchema.appliedVersion(harness.tables(), StreamType.ORDER, order.id())).isZero();
    }

    @Test
    void a_message_of_a_type_this_service_does_not_know_is_skipped() {
        ProjectionHarness harness = harness(draftOrders);
        String future = """
                {"messageId":"%s","type":"registration.OrderTeleported","schemaVersion":1,"correlationId":"%s",
                 "causationId":"%s","occurredAt":"2030-01-01T00:00:00Z","aggregateId":"%s","aggregateVersion":3,
                 "payload":{"orderId":"%s"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        var outcome = harness.feedRecords(List.of(harness.rawRecord("k", future.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders())));

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.anomalies()).isZero();
    }
}
