package dev.seatbooking.notifications.operations;

import com.jayway.jsonpath.JsonPath;
import dev.seatbooking.notifications.mail.MailKind;
import dev.seatbooking.notifications.mail.MailMetrics;
import dev.seatbooking.notifications.mail.Mails;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.OpsClient;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import dev.seatbooking.testinfra.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' endpoints: the failed mails listed, newest first; one resent once the SMTP server accepts it again,
 * through the normal sender, arriving once — also when operators resend it at the same time; every refusal a problem.
 */
class MailOperationsTest extends IntegrationTest {

    private static final String FAILED_MAILS = "/api/admin/mails?state=FAILED&limit=500";

    @Autowired
    Mails mails;

    @Autowired
    MailMetrics metrics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymous_and_wrong_credentials_are_refused() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString(
                (TestCredentials.OPS_USER + ":not-the-password").getBytes(StandardCharsets.UTF_8));
        String resend = "/api/admin/mails/" + UUID.randomUUID() + "/resend";
        for (String authorization : new String[]{OpsClient.ANONYMOUS, wrong}) {
            assertUnauthorized(ops().get(FAILED_MAILS, authorization));
            assertUnauthorized(ops().post(resend, authorization));
        }
    }

    @Test
    void a_mail_refused_for_good_is_listed_then_resent_once_the_server_accepts_it_and_arrives_once() {
        double resentBefore = metrics.resentCounter(MailKind.ORDER_CONFIRMED).count();
        String email = newEmail();
        Scenario order = failedOrderConfirmation(email);

        Map<String, Object> failed = failedMailTo(email);
        assertThat(failed).containsEntry("kind", "ORDER_CONFIRMED").containsEntry("recipient", email)
                .containsEntry("subject", MailKind.ORDER_CONFIRMED.subject()).containsEntry("attempts", 1);
        assertThat((String) failed.get("lastError")).contains("550");
        assertThat(Instant.parse((String) failed.get("failedAt"))).isAfterOrEqualTo(
                Instant.parse((String) failed.get("createdAt")));

        Smtp.accept(email);
        String mailId = (String) failed.get("mailId");
        HttpResponse<String> resent = ops().post("/api/admin/mails/" + mailId + "/resend");
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat((String) JsonPath.read(resent.body(), "$.state")).isEqualTo("PENDING");

        awaitSent(order);
        assertThat(Smtp.to(email)).hasSize(1);
        assertThat(metrics.resentCounter(MailKind.ORDER_CONFIRMED).count()).isEqualTo(resentBefore + 1);
        assertThat(failedMailsTo(email)).isEmpty();

        HttpResponse<String> again = ops().post("/api/admin/mails/" + mailId + "/resend");
        assertProblem(again, 409, "mail-not-failed");
        assertThat((String) JsonPath.read(again.body(), "$.state")).isEqualTo("SENT");
    }

    @Test
    void operators_resending_one_mail_at_the_same_time_send_it_once() throws Exception {
        double resentBefore = metrics.resentCounter(MailKind.ORDER_CONFIRMED).count();
        String email = newEmail();
        Scenario order = failedOrderConfirmation(email);
        String resend = "/api/admin/mails/" + failedMailTo(email).get("mailId") + "/resend";
        Smtp.accept(email);

        int operators = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(operators)) {
            List<Future<Integer>> answers = IntStream.range(0, operators)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return ops().post(resend).statusCode();
                    })).toList();
            go.countDown();
            statuses = answers.stream().map(MailOperationsTest::join).toList();
        }

        assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        awaitSent(order);
        assertThat(Smtp.to(email)).hasSize(1);
        assertThat(metrics.resentCounter(MailKind.ORDER_CONFIRMED).count()).isEqualTo(resentBefore + 1);
    }

    @Test
    void the_latest_given_up_comes_first_and_the_limit_caps_the_list() {
        String earlier = newEmail();
        failedOrderConfirmation(earlier);
        failedMailTo(earlier);
        String later = newEmail();
        failedOrderConfirmation(later);
        failedMailTo(later);

        List<String> recipients = JsonPath.read(ops().get(FAILED_MAILS).body(), "$[*].recipient");
        assertThat(recipients.indexOf(later)).isNotNegative().isLessThan(recipients.indexOf(earlier));
        List<Object> one = JsonPath.read(ops().get("/api/admin/mails?state=FAILED&limit=1").body(), "$");
        assertThat(one).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(ops().get("/api/admin/mails").body(), "$")).isNotEmpty();
    }

    @Test
    void a_bad_limit_or_state_is_a_400_problem_naming_it() {
        for (String limit : List.of("0", "501", "-3")) {
            HttpResponse<String> answer = ops().get("/api/admin/mails?state=FAILED&limit=" + limit);
            assertProblem(answer, 400, "validation-failed");
            assertThat((String) JsonPath.read(answer.body(), "$.errors[0].field")).isEqualTo("limit");
        }
        HttpResponse<String> notANumber = ops().get("/api/admin/mails?state=FAILED&limit=many");
        assertProblem(notANumber, 400, "malformed-request");
        assertThat((String) JsonPath.read(notANumber.body(), "$.errors[0].field")).isEqualTo("limit");
        HttpResponse<String> sent = ops().get("/api/admin/mails?state=SENT");
        assertProblem(sent, 400, "validation-failed");
        assertThat((String) JsonPath.read(sent.body(), "$.errors[0].field")).isEqualTo("state");
    }

    @Test
    void resending_an_unknown_mail_is_a_404_problem_and_a_malformed_id_a_400() {
        assertProblem(ops().post("/api/admin/mails/" + UUID.randomUUID() + "/resend"), 404, "not-found");
        assertProblem(ops().post("/api/admin/mails/not-a-mail/resend"), 400, "malformed-request");
    }

    @Test
    void resending_a_mail_not_sent_yet_is_a_409_problem_naming_its_state() {
        Scenario entry = newScenario();
        entry.offered(Instant.parse("2027-04-20T10:15:30Z")); // no contact yet: pending until its address comes
        UUID mailId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "SELECT mail_id FROM mails WHERE address_key = ?", (rs, n) -> rs.getObject(1, UUID.class),
                entry.entryId), ids -> ids.size() == 1).getFirst();

        HttpResponse<String> answer = ops().post("/api/admin/mails/" + mailId + "/resend");
        assertProblem(answer, 409, "mail-not-failed");
        assertThat((String) JsonPath.read(answer.body(), "$.state")).isEqualTo("PENDING");
        assertThat((String) JsonPath.read(answer.body(), "$.detail")).contains("PENDING");
        assertThat(mails.of(entry.entryId).getFirst()).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    }

    /** An order confirmed to an address the SMTP server refuses for good (until {@link Smtp#accept}). */
    private Scenario failedOrderConfirmation(String email) {
        Smtp.refuse(email);
        Scenario order = newScenario();
        order.placedBy(email);
        order.confirmed();
        return order;
    }

    private Map<String, Object> failedMailTo(String email) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> failedMailsTo(email), list -> list.size() == 1)
                .getFirst();
    }

    private List<Map<String, Object>> failedMailsTo(String email) {
        HttpResponse<String> answer = ops().get(FAILED_MAILS);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$[?(@.recipient == '" + email + "')]");
    }

    private void awaitSent(Scenario order) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mails.of(order.orderId).getFirst().get("status"),
                "SENT"::equals);
    }

    private static <T> T join(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void assertUnauthorized(HttpResponse<String> answer) {
        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic"));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo(code);
    }
}
