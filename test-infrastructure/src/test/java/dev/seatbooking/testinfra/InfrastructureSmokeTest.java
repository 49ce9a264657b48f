package dev.seatbooking.testinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureSmokeTest {

    @Test
    void postgres_is_a_real_postgresql_17_and_databases_are_isolated() throws Exception {
        TestPostgres.Database a = TestPostgres.newDatabase("smoke");
        TestPostgres.Database b = TestPostgres.newDatabase("smoke");
        assertThat(a.jdbcUrl()).isNotEqualTo(b.jdbcUrl());
        try (var ds = a.dataSource(2); Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void kafka_broker_carries_a_record_from_producer_to_consumer() throws Exception {
        String topic = TestKafka.uniqueTopic("smoke");
        Map<String, Object> common = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String value = null;
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) value = records.iterator().next().value();
            }
            assertThat(value).isEqualTo("hello");
        }
    }
}
