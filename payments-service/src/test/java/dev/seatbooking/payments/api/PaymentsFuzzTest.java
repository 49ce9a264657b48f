package dev.seatbooking.payments.api;

import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every operation of payments' OpenAPI document, sent what a hostile or careless client sends (issue 11, "Proof"):
 * no answer is a 5xx, every error is a problem, no bad request is accepted, and the database is the same after.
 * The requests start from real values — an order known here with its access code, a payment of it with the secret
 * of its payer's link, the ops credential — so that each mutation is judged by validation, not by an unknown id.
 * Payments has no throttle of failed codes or secrets, so every request reaches validation.
 */
class PaymentsFuzzTest extends PaymentsServiceTest {

    /** Tables that change with nothing sent: the relay's checkpoint (it records each round it makes). */
    private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of("subscription_checkpoints");
    private static final String START = "POST /api/payments";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void hostile_requests_get_problems_and_change_nothing() throws Exception {
        TestOrder order = givenOrder("120.00"); // the amount the document's example shows
        UUID started = UUID.randomUUID();
        start(started, order, "120.00").andExpect(status().isCreated());
        UUID fresh = UUID.randomUUID();
        String document = ApiFuzzer.documentOf("http://127.0.0.1:" + port);

        Map<String, String> before = DatabaseFingerprint.settled(dataSource, CHANGING_ON_THEIR_OWN, PATIENCE);
        // Against the started payment: its reads and the payer's answers reach the access code and the link's
        // secret of a payment that exists, so a mutated credential that opened it would be seen (a 2xx, a change).
        // Its start is answered 409 (the id was started with other content), after every field was checked.
        ApiFuzzer.Report existing = fuzzer(document, order, started).build().run();
        // With an id never used, the start's base request is valid (shown below): any mutation the service let
        // through would be accepted (201) and start a payment.
        ApiFuzzer.Report unused = fuzzer(document, order, fresh)
                .only(Set.of(START)) // the second run is for the start only: the others had an existing payment
               .build().run();
        Map<String, String> after = DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN);

        assertThat(existing.findings()).as(() -> listed(existing)).isEmpty();
        assertThat(unused.findings()).as(() -> listed(unused)).isEmpty();
        assertThat(existing.requests() + unused.requests()).isGreaterThan(300);
        assertThat(after).isEqualTo(before);
        // The unmutated requests the mutations were made of are valid, so the mutations were judged by validation:
        // the second run's start, and the payer's answer with the link's secret (after it: a paid order takes no start).
        startJson(order, """
                {"paymentId": "%s", "orderId": "%s", "conferenceId": "%s", "description": "fuzz",
                 "amount": {"amount": 120.0, "currency": "EUR"},
                 "items": [{"description": "Full conference pass x 2", "amount": {"amount": 120.0, "currency": "EUR"}}]}
                """.formatted(fresh, order.orderId(), order.conferenceId())).andExpect(status().isCreated());
        accept(started).andExpect(status().isAccepted());
    }

    private ApiFuzzer.Builder fuzzer(String document, TestOrder order, UUID paymentId) {
        return ApiFuzzer.against("http://127.0.0.1:" + port, document)
                .value("orderId", order.orderId().toString())
                .value("conferenceId", order.conferenceId().toString())
                .value("paymentId", paymentId.toString())
                .header(ACCESS_CODE, order.accessCode())
                .header(SimulatedProcessorController.SECRET, String.valueOf(secretOf(paymentId)))
                // opens /api/admin/** so that its parameters are judged; no other operation reads it
                .header("Authorization", TestCredentials.opsAuthorization());
    }

    private static String listed(ApiFuzzer.Report report) {
        return report.findings().stream().map(Object::toString).collect(Collectors.joining("\n", "\n", "\n"));
    }
}
