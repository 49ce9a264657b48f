package dev.seatbooking.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatbooking.contracts.ContractException;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class UpcastingTest {

    private static final UUID ORDER = UUID.fromString("8a1e3c52-7f0b-4d5e-9a61-2c4b8e0f1d73");

    private final MessageCodec codec = MessageCodec.contracts();

    @Test
    void a_stored_v1_order_payment_confirmed_decodes_as_a_paid_order_confirmed() {
        // As V1 of the Order aggregate stored it, before free orders existed.
        String storedV1 = """
                {"orderId":"8a1e3c52-7f0b-4d5e-9a61-2c4b8e0f1d73"}""";

        Message decoded = codec.decode("registration.OrderPaymentConfirmed", 1, storedV1);

        assertThat(decoded).isEqualTo(new OrderConfirmed(ORDER, false));
    }

    @Test
    void a_stored_v1_order_payment_confirmed_envelope_decodes_with_the_current_type_and_version() {
        String storedV1 = """
                {"messageId":"0b6f9c1e-3d2a-4e8b-8c7d-5a4f3e2d1c0b",
                 "type":"registration.OrderPaymentConfirmed",
                 "schemaVersion":1,
                 "correlationId":"1c7a0d2f-4e3b-4f9c-9d8e-6b5a4f3e2d1c",
                 "causationId":"2d8b1e3a-5f4c-4a0d-8e9f-7c6b5a4f3e2d",
                 "occurredAt":"2012-06-15T14:03:27.513Z",
                 "aggregateId":"8a1e3c52-7f0b-4d5e-9a61-2c4b8e0f1d73",
                 "aggregateVersion":4,
                 "payload":{"orderId":"8a1e3c52-7f0b-4d5e-9a61-2c4b8e0f1d73"}}""";

        Envelope decoded = codec.decodeEnvelope(storedV1.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.type()).isEqualTo("registration.OrderConfirmed");
        assertThat(decoded.schemaVersion()).isEqualTo(1);
        assertThat(decoded.payload()).isEqualTo(new OrderConfirmed(ORDER, false));
        assertThat(decoded.messageId()).isEqualTo(UUID.fromString("0b6f9c1e-3d2a-4e8b-8c7d-5a4f3e2d1c0b"));
        assertThat(decoded.correlationId()).isEqualTo(UUID.fromString("1c7a0d2f-4e3b-4f9c-9d8e-6b5a4f3e2d1c"));
        assertThat(decoded.causationId()).isEqualTo(UUID.fromString("2d8b1e3a-5f4c-4a0d-8e9f-7c6b5a4f3e2d"));
        assertThat(decoded.occurredAt()).isEqualTo(Instant.parse("2012-06-15T14:03:27.513Z"));
        assertThat(decoded.aggregateId()).isEqualTo(ORDER);
        assertThat(decoded.aggregateVersion()).isEqualTo(4);
    }

    @Test
    void a_stored_v1_event_goes_on_the_wire_upcast_and_a_current_one_as_stored() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2012-06-15T14:03:27.513Z");

        byte[] old = codec.encodeEnvelope(new StoredEnvelope(id, "registration.OrderPaymentConfirmed", 1, id, id, at,
                ORDER, 4, "{\"orderId\": \"" + ORDER + "\"}"));
        assertThat(new String(old, StandardCharsets.UTF_8)).contains("\"type\":\"registration.OrderConfirmed\"")
                .doesNotContain("OrderPaymentConfirmed");
        assertThat(codec.decodeEnvelope(old).payload()).isEqualTo(new OrderConfirmed(ORDER, false));

        // As PostgreSQL's jsonb gives it back: its own spacing and key order, copied without decoding.
        String storedCurrent = "{\"orderId\": \"" + ORDER + "\", \"isFreeOfCharge\": true}";
        byte[] current = codec.encodeEnvelope(new StoredEnvelope(id, "registration.OrderConfirmed", 1, id, id, at,
                ORDER, 5, storedCurrent));
        assertThat(new String(current, StandardCharsets.UTF_8)).contains("\"payload\":" + storedCurrent);
        Envelope decoded = codec.decodeEnvelope(current);
        assertThat(decoded.payload()).isEqualTo(new OrderConfirmed(ORDER, true));
        assertThat(decoded.aggregateVersion()).isEqualTo(5);
        assertThat(decoded.occurredAt()).isEqualTo(at);
    }

    @Test
    void order_totals_stored_before_codes_go_on_the_wire_as_v2_with_no_discounts() {
        UUID id = UUID.randomUUID();
        String storedV1 = "{\"orderId\": \"" + ORDER + "\", \"total\": {\"amount\": 50.00, \"currency\": \"EUR\"},"
                + " \"lines\": [], \"isFreeOfCharge\": false}";

        byte[] wire = codec.encodeEnvelope(new StoredEnvelope(id, "registration.OrderTotalsCalculated", 1, id, id,
                Instant.parse("2025-05-01T09:00:00Z"), ORDER, 2, storedV1));

        Envelope decoded = codec.decodeEnvelope(wire);
        assertThat(decoded.schemaVersion()).isEqualTo(2);
        assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"discounts\":[]");
        assertThat(decoded.payload()).isEqualTo(new OrderTotalsCalculated(ORDER, Money.of("50.00", "EUR"), List.of(),
                false, List.of()));
    }

    @Test
    void order_totals_stored_as_v1_with_discounts_keep_them() {
        // Stored while the discounts were an optional field of v1, before the version was raised.
        UUID code = UUID.randomUUID();
        UUID seatType = UUID.randomUUID();
        String storedV1 = """
                {"orderId":"%s","total":{"amount":40.00,"currency":"EUR"},"lines":[],"isFreeOfCharge":false,
                 "discounts":[{"codeId":"%s","code":"TEN","seatTypeId":"%s","amount":{"amount":10.00,"currency":"EUR"}}]}"""
                .formatted(ORDER, code, seatType);

        Message decoded = codec.decode("registration.OrderTotalsCalculated", 1, storedV1);

        assertThat(((OrderTotalsCalculated) decoded).discounts())
                .containsExactly(new DiscountLine(code, "TEN", seatType, Money.of("10.00", "EUR")));
    }

    @Test
    void the_old_type_is_not_a_registered_message() {
        assertThat(MessageTypes.contracts().contains("registration.OrderPaymentConfirmed")).isFalse();
        assertThatThrownBy(() -> new MessageCodec(MessageTypes.contracts(), Upcasters.none())
                .decode("registration.OrderPaymentConfirmed", 1, "{\"orderId\":\"" + ORDER + "\"}"))
                .isInstanceOf(dev.seatbooking.contracts.UnknownMessageTypeException.class)
                .hasMessageContaining("registration.OrderPaymentConfirmed");
    }

    @Test
    void upcasters_chain_until_none_matches() {
        MessageCodec chained = new MessageCodec(MessageTypes.builder().include(Renamed.class).build(), Upcasters.of(
                Upcaster.of("test.Original", 1, "test.Original", 2, json -> json.put("count", json.get("n").asInt())),
                Upcaster.of("test.Original", 2, "test.Renamed", 3, json -> json.put("label", "from v2"))));

        assertThat(chained.decode("test.Original", 1, "{\"n\":7}")).isEqualTo(new Renamed(7, "from v2"));
        assertThat(chained.decode("test.Original", 2, "{\"count\":8}")).isEqualTo(new Renamed(8, "from v2"));
        assertThat(chained.decode("test.Renamed", 3, "{\"count\":9,\"label\":\"new\"}")).isEqualTo(new Renamed(9, "new"));
    }

    @Test
    void a_message_no_upcaster_matches_is_left_as_it_is() {
        JsonMessage current = new JsonMessage("registration.OrderConfirmed", 1, JsonMapper.shared().createObjectNode());

        assertThat(Upcasters.contracts().upcast(current)).isSameAs(current);
    }

    @Test
    void added_upcasters_keep_the_built_in_ones() {
        Upcasters upcasters = Upcasters.contracts().with(Upcaster.of("test.Original", 1, "test.Renamed", 3, json -> json));

        JsonMessage upcast = upcasters.upcast(new JsonMessage("registration.OrderPaymentConfirmed", 1, orderIdOnly()));

        assertThat(upcast.type()).isEqualTo("registration.OrderConfirmed");
        assertThat(upcast.json().get("isFreeOfCharge").asBoolean(true)).isFalse();
    }

    @Test
    void two_upcasters_from_the_same_version_are_refused() {
        assertThatThrownBy(() -> Upcasters.contracts().with(
                Upcaster.of("registration.OrderPaymentConfirmed", 1, "registration.OrderConfirmed", 1, json -> json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration.OrderPaymentConfirmed v1");
    }

    @Test
    void an_upcaster_within_one_type_must_raise_the_version() {
        assertThatThrownBy(() -> Upcaster.of("test.Original", 2, "test.Original", 2, json -> json))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upcasters_that_go_round_in_a_circle_are_stopped() {
        Upcasters circular = Upcasters.of(
                Upcaster.of("test.A", 1, "test.B", 1, json -> json),
                Upcaster.of("test.B", 1, "test.A", 1, json -> json));

        assertThatThrownBy(() -> circular.upcast(new JsonMessage("test.A", 1, orderIdOnly())))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("circle");
    }

    @Test
    void an_upcaster_that_cannot_handle_the_stored_json_gives_a_decoding_error() {
        MessageCodec failing = new MessageCodec(MessageTypes.builder().include(Renamed.class).build(), Upcasters.of(
                Upcaster.of("test.Original", 1, "test.Renamed", 3,
                        json -> json.put("count", json.required("n").asInt()))));

        assertThatThrownBy(() -> failing.decode("test.Original", 1, "{}"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("Cannot upcast test.Original v1");
    }

    private static ObjectNode orderIdOnly() {
        return JsonMapper.shared().createObjectNode().put("orderId", ORDER.toString());
    }

    @MessageType(name = "test.Renamed", version = 3)
    record Renamed(int count, String label) implements Message {
    }
}
