package dev.seatbooking.notifications.operations;

import com.jayway.jsonpath.JsonPath;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Smtp;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' endpoints, sent what a hostile or careless client sends, as every other service's are (ADR 9): no
 * answer is a 5xx, every error is a problem, no bad request is accepted, the database is the same after. This
 * service serves no OpenAPI document (its only API is these two operations), so the test describes them itself. The
 * requests carry the ops credential and start from a mail given up on, whose resend is valid (shown at the end):
 * a mutated id that reached it would be accepted and queue it again.
 */
class NotificationsFuzzTest extends IntegrationTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "notifications operations", "version": "1"},
             "paths": {
               "/api/admin/mails": {"get": {"parameters": [
                 {"name": "state", "in": "query", "required": false, "schema": {"type": "string", "enum": ["FAILED"]}},
                 {"name": "limit", "in": "query", "required": false,
                  "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 500}}]}},
               "/api/admin/mails/{mailId}/resend": {"post": {"parameters": [
                 {"name": "mailId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}]}}
             }}""";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void hostile_requests_to_the_operators_endpoints_get_problems_and_change_nothing() throws Exception {
        String email = newEmail();
        Smtp.refuse(email);
        var order = newScenario();
        order.placedBy(email);
        order.confirmed();
        String mailId = await().atMost(Duration.ofSeconds(30)).until(() -> failedMailIdsTo(email), ids -> ids.size() == 1)
                .getFirst();

        Map<String, String> before = DatabaseFingerprint.settled(dataSource, Set.of(), Duration.ofSeconds(30));
        ApiFuzzer.Report report = ApiFuzzer.against("http://127.0.0.1:" + port, DOCUMENT)
                .value("mailId", mailId)
                .value("state", "FAILED")
                .header("Authorization", TestCredentials.opsAuthorization())
                .build().run();
        Map<String, String> after = DatabaseFingerprint.of(dataSource, Set.of());

        assertThat(report.findings()).as(() -> report.findings().stream().map(Object::toString)
                .collect(Collectors.joining("\n", "\n", "\n"))).isEmpty();
        assertThat(report.requests()).isGreaterThan(40);
        assertThat(after).isEqualTo(before);
        // The unmutated resend is valid: the mutations were judged by validation, not by an unknown mail.
        assertThat(ops().post("/api/admin/mails/" + mailId + "/resend").statusCode()).isEqualTo(202);
    }

    private List<String> failedMailIdsTo(String email) {
        HttpResponse<String> answer = ops().get("/api/admin/mails?state=FAILED&limit=500");
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$[?(@.recipient == '" + email + "')].mailId");
    }
}
