package dev.seatbooking.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void a_new_message_starts_a_conversation_and_takes_its_type_from_the_payload() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Envelope envelope = Envelope.of(new OrderConfirmed(ORDER, false), ORDER, 7);

        assertThat(envelope.type()).isEqualTo("registration.OrderConfirmed");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.correlationId()).isEqualTo(envelope.messageId());
        assertThat(envelope.causationId()).isEqualTo(envelope.messageId());
        assertThat(envelope.aggregateId()).isEqualTo(ORDER);
        assertThat(envelope.aggregateVersion()).isEqualTo(7);
        assertThat(envelope.occurredAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(envelope.occurredAt().getNano() % 1_000).isZero();
    }

    @Test
    void every_new_message_gets_its_own_id() {
        assertThat(Envelope.of(new ConfirmOrder(ORDER), ORDER).messageId())
                .isNotEqualTo(Envelope.of(new ConfirmOrder(ORDER), ORDER).messageId());
    }

    @Test
    void a_command_is_unversioned() {
        assertThat(Envelope.of(new ConfirmOrder(ORDER), ORDER).aggregateVersion()).isEqualTo(Envelope.UNVERSIONED);
    }

    @Test
    void a_reaction_joins_the_conversation_of_its_cause_and_names_the_cause() {
        Envelope first = Envelope.of(new ConfirmOrder(ORDER), ORDER);
        Envelope second = Envelope.of(new OrderConfirmed(ORDER, false), ORDER, 3).causedBy(first);
        Envelope third = Envelope.of(new ConfirmOrder(ORDER), ORDER).causedBy(second);

        assertThat(second.correlationId()).isEqualTo(first.messageId());
        assertThat(second.causationId()).isEqualTo(first.messageId());
        assertThat(third.correlationId()).isEqualTo(first.messageId());
        assertThat(third.causationId()).isEqualTo(second.messageId());
        assertThat(third.messageId()).isNotIn(first.messageId(), second.messageId());
    }

    @Test
    void rejects_a_type_that_does_not_match_the_payload() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new Envelope(id, "registration.OrderConfirmed", 1, id, id, Instant.now(), ORDER, 1,
                new OrderExpired(ORDER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration.OrderExpired");
        assertThatThrownBy(() -> new Envelope(id, "registration.OrderExpired", 2, id, id, Instant.now(), ORDER, 1,
                new OrderExpired(ORDER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v2");
    }

    @Test
    void rejects_missing_fields_naming_them() {
        assertThatThrownBy(() -> Envelope.of(new ConfirmOrder(ORDER), null))
                .isInstanceOf(NullPointerException.class).hasMessage("aggregateId is required");
        assertThatThrownBy(() -> Envelope.of(null, ORDER))
                .isInstanceOf(NullPointerException.class).hasMessage("payload is required");
        assertThatThrownBy(() -> Envelope.of(new ConfirmOrder(ORDER), ORDER, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
