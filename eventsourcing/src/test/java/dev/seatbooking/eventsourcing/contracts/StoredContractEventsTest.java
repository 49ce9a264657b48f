package dev.seatbooking.eventsourcing.contracts;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.Position;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract events in the real event store: stored by stable name, and old versions upcast on load. */
class StoredContractEventsTest {

    private static HikariDataSource dataSource;
    private static PostgresEventStore store;

    @BeforeAll
    static void start() {
        dataSource = TestPostgres.newDatabase("contract_events").dataSource(4);
        EventSourcingSchema.migrate(dataSource);
        store = new PostgresEventStore(dataSource, ContractsEventSerializer.contracts(), null);
    }

    @AfterAll
    static void stop() {
        dataSource.close();
    }

    @Test
    void contract_events_round_trip_through_the_store_under_their_stable_names() {
        UUID orderId = UUID.randomUUID();
        UUID seatType = UUID.randomUUID();
        Money price = Money.of("100.00", "EUR");
        List<OrderEvent> events = List.of(
                new OrderPlaced(orderId, UUID.randomUUID(), List.of(new SeatQuantity(seatType, 2)),
                        Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS), "ABC123"),
                new OrderTotalsCalculated(orderId, price.times(2),
                        List.of(OrderLine.of(seatType, "General", price, 2)), false));
        store.append(orderId, "order", 0, events, EventMetadata.newConversation("registrant"));

        assertThat(store.load(orderId)).extracting(RecordedEvent::event).containsExactlyElementsOf(events);
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "SELECT event_type FROM events WHERE stream_id = ? ORDER BY version", String.class, orderId))
                .containsExactly("registration.OrderPlaced", "registration.OrderTotalsCalculated");
    }

    @Test
    void events_just_appended_are_enveloped_as_the_relay_will_publish_them() {
        UUID orderId = UUID.randomUUID();
        List<OrderEvent> events = List.of(new OrderConfirmed(orderId, false), new OrderConfirmed(orderId, true));
        UUID cause = UUID.randomUUID();
        EventMetadata metadata = EventMetadata.causedBy(UUID.randomUUID(), cause);
        var appended = store.append(orderId, "order", 0, events, metadata);

        var envelopes = ContractsMessaging.envelopesOf(MessageTypes.contracts(), appended, events, metadata);
        var codec = MessageCodec.contracts();
        var published = store.readAll(Position.START, 1000).stream().filter(e -> e.streamId().equals(orderId))
                .map(e -> ContractsMessaging.envelopeDecoder(codec)
                        .decode(e.eventType(), ContractsMessaging.envelopeEncoder(codec).encode(e)))
                .toList();

        assertThat(envelopes).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Envelope mine = envelopes.get(i);
            Envelope relayed = published.get(i);
            assertThat(mine.messageId()).isEqualTo(relayed.messageId());
            assertThat(mine.aggregateVersion()).isEqualTo(relayed.aggregateVersion()).isEqualTo(i + 1);
            assertThat(mine.correlationId()).isEqualTo(relayed.correlationId());
            assertThat(mine.causationId()).isEqualTo(relayed.causationId()).isEqualTo(cause);
            assertThat(mine.payload()).isEqualTo(relayed.payload());
        }
    }

    @Test
    void a_v1_order_payment_confirmed_written_by_the_old_system_loads_as_order_confirmed() {
        UUID orderId = UUID.randomUUID();
        new JdbcTemplate(dataSource).update("""
                INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload, correlation_id)
                VALUES (?, 'order', 1, 'registration.OrderPaymentConfirmed', 1, ?, ?::jsonb, ?)""",
                orderId, UUID.randomUUID(), "{\"orderId\": \"" + orderId + "\"}",
                UUID.randomUUID());

        assertThat(store.load(orderId)).extracting(RecordedEvent::event)
                .containsExactly(new OrderConfirmed(orderId, false));
    }
}
