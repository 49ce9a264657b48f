package dev.seatbooking.contracts.codec;

import static dev.seatbooking.contracts.MessageSamples.CONFERENCE;
import static dev.seatbooking.contracts.MessageSamples.ORDER;
import static dev.seatbooking.contracts.MessageSamples.sampleOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatbooking.contracts.ContractException;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.UnknownMessageTypeException;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.conference.ReservationHold;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

    private final MessageCodec codec = MessageCodec.contracts();

    static Stream<Class<? extends Message>> registeredTypes() {
        return MessageTypes.contracts().classes().stream();
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_registered_message_round_trips_through_encode_and_decode(Class<? extends Message> type) {
        Message sample = sampleOf(type);

        SerializedMessage encoded = codec.encode(sample);

        assertThat(encoded.type()).isEqualTo(type.getAnnotation(MessageType.class).name());
        assertThat(encoded.schemaVersion()).isEqualTo(type.getAnnotation(MessageType.class).version());
        assertThat(codec.decode(encoded.type(), encoded.schemaVersion(), encoded.json()))
                .isInstanceOf(type)
                .isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void every_registered_message_round_trips_in_an_envelope(Class<? extends Message> type) {
        Envelope first = Envelope.of(new ConfirmOrder(ORDER), ORDER);
        Envelope envelope = Envelope.of(UUID.randomUUID(), sampleOf(type), UUID.randomUUID(), 42,
                Instant.parse("2025-05-01T09:30:00.123456789Z")).causedBy(first);

        Envelope decoded = codec.decodeEnvelope(codec.encodeEnvelope(envelope));

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void the_envelope_is_one_json_object_with_the_payload_nested() {
        Envelope envelope = Envelope.of(new OrderConfirmed(ORDER, true), ORDER, 5);

        String json = new String(codec.encodeEnvelope(envelope), StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith("{\"messageId\":\"" + envelope.messageId() + "\"")
                .contains("\"type\":\"registration.OrderConfirmed\"", "\"schemaVersion\":1",
                        "\"correlationId\":", "\"causationId\":", "\"aggregateId\":\"" + ORDER + "\"",
                        "\"aggregateVersion\":5",
                        "\"payload\":{\"orderId\":\"" + ORDER + "\",\"isFreeOfCharge\":true,\"paymentId\":null}");
    }

    @Test
    void dates_are_iso_8601_text_and_money_an_exact_decimal_with_only_amount_and_currency() {
        String json = codec.encode(sampleOf(ConferenceEvent.ConferenceUpdated.class)).json()
                + codec.encode(new SeatCreated(CONFERENCE, UUID.randomUUID(), "General", "", 1,
                Money.of("12345678901234567.8", "EUR"))).json()
                + codec.encode(sampleOf(OrderPlaced.class)).json();

        assertThat(json).contains("\"startDate\":\"2025-06-11\"", "\"reservationHold\":\"PT20M\"",
                "\"price\":{\"amount\":12345678901234567.80,\"currency\":\"EUR\"}",
                "\"reservationAutoExpiration\":\"2025-05-01T09:45:00.123456789Z\"");
    }

    @Test
    void money_stays_exact_through_the_envelope_json_tree() {
        Money huge = Money.of("12345678901234567.89", "EUR"); // a double would make it ...568
        SeatCreated seat = new SeatCreated(CONFERENCE, UUID.randomUUID(), "General", "", 1, huge);

        Envelope decoded = codec.decodeEnvelope(codec.encodeEnvelope(Envelope.of(seat, CONFERENCE, 1)));

        assertThat(((SeatCreated) decoded.payload()).price()).isEqualTo(huge);
    }

    @Test
    void unknown_properties_are_ignored_so_producers_can_add_optional_fields_first() {
        Message decoded = codec.decode("registration.OrderConfirmed", 1,
                "{\"orderId\":\"" + ORDER + "\",\"isFreeOfCharge\":true,\"confirmedBy\":{\"name\":\"later\"}}");

        assertThat(decoded).isEqualTo(new OrderConfirmed(ORDER, true));
    }

    @Test
    void an_absent_optional_field_takes_its_default() {
        String json = codec.encode(sampleOf(ConferenceCreated.class)).json().replace(",\"reservationHold\":\"PT15M\"", "");
        assertThat(json).doesNotContain("reservationHold");

        ConferenceCreated decoded = (ConferenceCreated) codec.decode("conference.ConferenceCreated", 1, json);

        assertThat(decoded.reservationHold()).isEqualTo(ReservationHold.DEFAULT.duration());
        assertThat(decoded.tagline()).isNull();
    }

    @Test
    void an_unknown_type_is_rejected_naming_it() {
        assertThatThrownBy(() -> codec.decode("registration.SeatsTeleported", 1, "{}"))
                .isInstanceOf(UnknownMessageTypeException.class)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("registration.SeatsTeleported");
    }

    @Test
    void an_unknown_type_in_an_envelope_is_rejected_naming_it() {
        byte[] bytes = codec.encodeEnvelope(Envelope.of(new OrderConfirmed(ORDER, false), ORDER, 1));
        byte[] renamed = new String(bytes, StandardCharsets.UTF_8)
                .replace("registration.OrderConfirmed", "registration.OrderTeleported").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decodeEnvelope(renamed))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("registration.OrderTeleported");
    }

    @Test
    void encoding_an_unregistered_message_is_refused() {
        assertThatThrownBy(() -> codec.encode(new Unregistered("x")))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining(Unregistered.class.getName());
        assertThatThrownBy(() -> codec.encodeEnvelope(Envelope.of(new Unregistered("x"), ORDER)))
                .isInstanceOf(UnknownMessageTypeException.class);
    }

    @Test
    void a_codec_with_a_service_registry_handles_the_service_messages() {
        MessageCodec serviceCodec = new MessageCodec(
                MessageTypes.builder().include(MessageTypes.contracts()).include(Unregistered.class).build(),
                Upcasters.contracts());

        SerializedMessage encoded = serviceCodec.encode(new Unregistered("x"));

        assertThat(serviceCodec.decode(encoded)).isEqualTo(new Unregistered("x"));
    }

    @Test
    void malformed_json_is_a_decoding_error() {
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 1, "{\"orderId\":"))
                .isInstanceOf(MessageDecodingException.class)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("registration.OrderConfirmed v1")
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> codec.decodeEnvelope("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageDecodingException.class);
    }

    @Test
    void json_that_is_not_an_object_is_a_decoding_error() {
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 1, "[1,2]"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 1, ""))
                .isInstanceOf(MessageDecodingException.class);
    }

    @Test
    void a_missing_required_field_is_a_decoding_error_naming_the_field() {
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 1, "{\"isFreeOfCharge\":true}"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("registration.OrderConfirmed")
                .hasMessageContaining("orderId is required");
    }

    @Test
    void a_missing_primitive_is_a_decoding_error_not_a_silent_zero() {
        assertThatThrownBy(() -> codec.decode("registration.AddSeats", 1,
                "{\"conferenceId\":\"" + CONFERENCE + "\",\"seatTypeId\":\"" + ORDER + "\"}"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageEndingWith("quantity is required");
    }

    @Test
    void a_value_the_record_rejects_is_a_decoding_error() {
        String json = codec.encode(sampleOf(SeatCreated.class)).json().replace("\"EUR\"", "\"EURO\"");

        assertThatThrownBy(() -> codec.decode("conference.SeatCreated", 1, json))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("'EURO' is not an ISO 4217 code (at price)");
    }

    @Test
    void a_value_of_the_wrong_shape_is_a_decoding_error() {
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 1, "{\"orderId\":\"not-a-uuid\",\"isFreeOfCharge\":true}"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("not-a-uuid")
                .hasMessageEndingWith("(at orderId)");
    }

    @Test
    void a_version_no_upcaster_leads_from_is_a_decoding_error() {
        assertThatThrownBy(() -> codec.decode("registration.OrderConfirmed", 2, "{\"orderId\":\"" + ORDER + "\"}"))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("registration.OrderConfirmed v2")
                .hasMessageContaining("current version of registration.OrderConfirmed is v1");
    }

    @Test
    void an_envelope_without_a_required_field_is_a_decoding_error() {
        String json = new String(codec.encodeEnvelope(Envelope.of(new OrderConfirmed(ORDER, false), ORDER, 1)),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decodeEnvelope(json.replaceFirst("\"messageId\":\"[^\"]+\",", "")))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("messageId is required");
        assertThatThrownBy(() -> decodeEnvelope(json.replaceFirst("\"aggregateVersion\":1,", "")))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("aggregateVersion is required");
        assertThatThrownBy(() -> decodeEnvelope(json.replaceFirst(",\"payload\":\\{.*}}$", "}")))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> decodeEnvelope(json.replaceFirst("\"type\":\"[^\"]+\",", "")))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("type is required");
    }

    @Test
    void an_envelope_with_an_invalid_payload_is_a_decoding_error() {
        String json = new String(codec.encodeEnvelope(Envelope.of(new OrderConfirmed(ORDER, false), ORDER, 1)),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decodeEnvelope(json.replaceFirst("\"orderId\":\"[^\"]+\",", "")))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("orderId is required");
    }

    private Envelope decodeEnvelope(String json) {
        return codec.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8));
    }

    @MessageType(name = "test.Unregistered")
    record Unregistered(String value) implements Message {
    }
}
