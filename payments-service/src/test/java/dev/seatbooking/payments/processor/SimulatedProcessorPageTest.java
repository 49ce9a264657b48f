package dev.seatbooking.payments.processor;

import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The simulated processor's page: what the payer sees, and their Accept / Reject buttons; all of it only for the
 * holder of the payer's link (issue 11, finding 3).
 */
class SimulatedProcessorPageTest extends PaymentsServiceTest {

    @Autowired
    PostgresEventStore store;

    @Test
    void the_page_shows_the_payment_and_the_buttons_while_it_waits_for_the_payer() throws Exception {
        UUID paymentId = startedPayment();

        page(paymentId, secretOf(paymentId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(allOf(
                        containsString("Registration"),
                        containsString("75.00 EUR"),
                        containsString("action=\"/payment-processor/" + paymentId + "/accept\""),
                        containsString("action=\"/payment-processor/" + paymentId + "/reject\""),
                        containsString("<input type=\"hidden\" name=\"secret\" value=\"" + secretOf(paymentId) + "\">"),
                        containsString("data-status=\"INITIATED\""))));
    }

    @Test
    void the_page_fits_a_strict_content_security_policy_and_escapes_what_it_shows() throws Exception {
        TestOrder order = givenOrder("75.00");
        UUID paymentId = UUID.randomUUID();
        startJson(order, """
                {"paymentId": "%s", "orderId": "%s", "description": "<script>alert('x')</script>",
                 "amount": {"amount": 75, "currency": "EUR"},
                 "items": [{"description": "<img src=x onerror=alert(1)>", "amount": {"amount": 75, "currency": "EUR"}}]}
                """.formatted(paymentId, order.orderId())).andExpect(status().isCreated());

        page(paymentId, secretOf(paymentId))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                        containsString("&lt;img src=x onerror=alert(1)&gt;"),
                        not(containsString("<script")), not(containsString("<img")),
                        not(containsString("<style")), not(containsString("style=")),
                        not(containsString("javascript:")),
                        containsString("<link rel=\"stylesheet\" href=\"/payment-processor/assets/page.css\">"))));
        mvc.perform(get("/payment-processor/assets/page.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void accepting_on_the_page_completes_the_payment_and_links_back_to_the_shop() throws Exception {
        UUID paymentId = startedPayment();
        String secret = secretOf(paymentId);
        String shop = "/shop/thanks?order=1&x=2#done";

        String location = mvc.perform(post("/payment-processor/{id}/accept", paymentId)
                        .param("secret", secret).param("returnUrl", shop))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/payment-processor/" + paymentId + "?secret=" + secret
                        + "&returnUrl=%2Fshop%2Fthanks%3Forder%3D1%26x%3D2%23done"))
                .andReturn().getResponse().getHeader("Location");

        assertThat(statusOf(paymentId)).isEqualTo("COMPLETED");
        mvc.perform(get(URI.create(location)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-status=\"COMPLETED\""),
                        containsString("href=\"/shop/thanks?order=1&amp;x=2#done\""),
                        not(containsString("<button")))));
    }

    @Test
    void rejecting_on_the_page_rejects_the_payment() throws Exception {
        UUID paymentId = startedPayment();

        mvc.perform(post("/payment-processor/{id}/reject", paymentId).param("secret", secretOf(paymentId)))
                .andExpect(status().isSeeOther());

        assertThat(statusOf(paymentId)).isEqualTo("REJECTED");
        mvc.perform(post("/payment-processor/{id}/accept", paymentId).param("secret", secretOf(paymentId)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("was rejected")));
    }

    @Test
    void without_the_secret_of_the_payers_link_the_payment_is_not_found_and_nothing_changes() throws Exception {
        UUID paymentId = startedPayment();
        UUID otherPayment = startedPayment();
        List<String> notTheSecret = List.of("", "wrong", secretOf(otherPayment), secretOf(paymentId).toLowerCase(),
                secretOf(paymentId) + "x");

        for (String secret : notTheSecret) {
            notFound(page(paymentId, secret));
            notFound(mvc.perform(post("/payment-processor/{id}/accept", paymentId).param("secret", secret)));
            notFound(mvc.perform(post("/payment-processor/{id}/reject", paymentId).param("secret", secret)));
        }
        notFound(mvc.perform(get("/payment-processor/{id}", paymentId)));
        notFound(mvc.perform(post("/payment-processor/{id}/accept", paymentId)));
        notFound(mvc.perform(post("/payment-processor/{id}/reject", paymentId)));

        assertThat(statusOf(paymentId)).isEqualTo("INITIATED");
        assertThat(store.currentVersion(paymentId)).isEqualTo(1);
    }

    @Test
    void a_repeated_start_issues_a_new_link_and_the_earlier_one_stops_working() throws Exception {
        TestOrder order = givenOrder("75.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "75.00").andExpect(status().isCreated());
        String first = secretOf(paymentId);

        start(paymentId, order, "75.00").andExpect(status().isCreated());

        assertThat(secretOf(paymentId)).isNotEqualTo(first);
        notFound(page(paymentId, first));
        page(paymentId, secretOf(paymentId)).andExpect(status().isOk());
    }

    @Test
    void a_return_url_off_this_site_is_refused_and_nothing_changes() throws Exception {
        UUID paymentId = startedPayment();
        String secret = secretOf(paymentId);
        List<String> foreign = List.of("http://shop.example/thanks", "https://evil.example", "//evil.example",
                "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "data:text/html,x", "evil.example/x",
                "/\t/evil.example", "/\n/evil.example", "/ /evil.example", "/a\\b", " /thanks", "/thanks\u0000",
                "/\u2028/evil.example");

        for (String returnUrl : foreign) {
            refused(mvc.perform(get("/payment-processor/{id}", paymentId).param("secret", secret)
                    .param("returnUrl", returnUrl)), returnUrl);
            refused(mvc.perform(post("/payment-processor/{id}/accept", paymentId).param("secret", secret)
                    .param("returnUrl", returnUrl)), returnUrl);
        }
        assertThat(statusOf(paymentId)).isEqualTo("INITIATED");
        assertThat(store.currentVersion(paymentId)).isEqualTo(1);
    }

    @Test
    void an_unknown_payment_has_no_page() throws Exception {
        notFound(mvc.perform(get("/payment-processor/{id}", UUID.randomUUID()).param("secret", "x")));
        notFound(mvc.perform(post("/payment-processor/{id}/accept", UUID.randomUUID()).param("secret", "x")));
    }

    private ResultActions page(UUID paymentId, String secret) throws Exception {
        return mvc.perform(get("/payment-processor/{id}", paymentId).param("secret", secret));
    }

    private static void notFound(ResultActions response) throws Exception {
        response.andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Unknown payment"), not(containsString("<button")))));
    }

    private static void refused(ResultActions response, String returnUrl) throws Exception {
        response.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("returnUrl"))
                .andExpect(header().doesNotExist("Location"));
    }

    private UUID startedPayment() throws Exception {
        TestOrder order = givenOrder("75.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "75.00").andExpect(status().isCreated());
        return paymentId;
    }
}
