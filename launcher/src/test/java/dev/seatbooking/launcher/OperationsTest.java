package dev.seatbooking.launcher;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes with the database and Kafka, Prometheus metrics, and the correlation id from request to message. */
@ExtendWith(TestPlatform.class)
class OperationsTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.get();
    }

    @Test
    void every_service_is_live_and_ready_with_its_database_and_kafka_in_the_readiness_group() throws Exception {
        for (String service : platform.serviceNames()) {
            String url = platform.serviceUrl(service);
            assertThat(get(url + "/actuator/health/liveness").statusCode()).as(service).isEqualTo(200);
            assertThat(get(url + "/actuator/health/readiness").statusCode()).as(service).isEqualTo(200);
            for (String member : List.of("db", "kafka")) {
                HttpResponse<String> component = get(url + "/actuator/health/readiness/" + member);
                assertThat(component.statusCode()).as(service + " readiness/" + member).isEqualTo(200);
                assertThat(component.body()).as(service + " readiness/" + member).contains("\"UP\"");
            }
        }
        assertThat(get(platform.gatewayUrl() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void every_application_serves_prometheus_metrics() throws Exception {
        List<String> urls = new ArrayList<>(platform.serviceNames().stream().map(platform::serviceUrl).toList());
        urls.add(platform.gatewayUrl());
        for (String url : urls) {
            get(url + "/actuator/health");
            assertThat(get(url + "/actuator/prometheus").statusCode()).as("anonymous " + url).isEqualTo(401);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("ops:" + platform.opsPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(url).isEqualTo(200);
            assertThat(metrics.body()).as(url).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
        }
    }

    @Test
    void the_correlation_id_of_the_owners_request_is_answered_and_carried_by_the_events_it_causes() throws Exception {
        UUID conferenceId = UUID.randomUUID();
        String slug = "ops-" + conferenceId.toString().substring(0, 8);
        UUID creation = UUID.randomUUID();
        HttpResponse<String> created = send("POST", "/api/management/conferences", creation, null, """
                {"id":"%s","slug":"%s","name":"Ops","description":"d","location":"l","startDate":"2031-01-01",
                 "endDate":"2031-01-01","ownerName":"o","ownerEmail":"ops@example.com"}""".formatted(conferenceId, slug));
        assertThat(created.statusCode()).isEqualTo(201);
        String accessCode = created.body().replaceAll(".*\"accessCode\":\"([^\"]+)\".*", "$1");
        String owner = "Basic " + Base64.getEncoder().encodeToString(("ops@example.com:" + accessCode)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send("POST", "/api/management/conferences/" + conferenceId + "/seat-types", UUID.randomUUID(),
                owner, """
                {"name":"Seat","quantity":5,"price":{"amount":10,"currency":"EUR"}}""").statusCode()).isEqualTo(201);

        UUID publication = UUID.randomUUID();
        HttpResponse<String> published = send("POST", "/api/management/conferences/" + conferenceId + "/publish",
                publication, owner, "");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.headers().firstValue("Correlation-Id")).hasValue(publication.toString());

        // ConferenceCreated carries the creation's id; SeatCreated and ConferencePublished the publication's.
        List<String> correlationIds = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "operations-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONFERENCE_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (correlationIds.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!conferenceId.toString().equals(record.key())) continue;
                    Header header = record.headers().lastHeader(MessageHeaders.CORRELATION_ID);
                    correlationIds.add(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(correlationIds).containsExactly(creation.toString(), publication.toString(), publication.toString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, UUID correlationId, String authorization,
                                             String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Correlation-Id", correlationId.toString())
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
