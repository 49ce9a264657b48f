package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that is no message goes to its dead-letter topic and does not hold up the partition: the next command
 * for the same key (the conference, so on the same partition of the SeatsAvailability commands) is handled.
 */
class PoisonMessageTest extends RegistrationServiceTest {

    @Test
    void a_poison_record_is_dead_lettered_and_the_commands_behind_it_are_handled() throws Exception {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("10.00", "EUR")));
        UUID orderId = UUID.randomUUID();
        String topic = TOPIC_PREFIX + Topics.SEATS_AVAILABILITY_COMMANDS;
        UUID poisonId = UUID.randomUUID();
        try (var producer = KafkaProducers.idempotent(TestKafka.bootstrapServers(), "poison-" + poisonId)) {
            producer.send(new ProducerRecord<>(topic, null, conference.id().toString(),
                    "{ this is no envelope".getBytes(StandardCharsets.UTF_8),
                    MessageHeaders.of(poisonId, "registration.MakeSeatReservation", poisonId, null))).get();
        }

        assertThat(registrant.placeOrder(conference.id(), orderId, conference.seatType(), 1).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        try (var deadLetters = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "poison-test-" + poisonId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(topic + ".DLT"));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> poisonId.toString().equals(
                        MessageHeaders.text(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
            });
        }
    }
}
