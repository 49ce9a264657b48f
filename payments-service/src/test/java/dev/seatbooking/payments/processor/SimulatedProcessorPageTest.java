package dev.seatbooking.payments.processor;

import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The simulated processor's page: what the payer sees, and their Accept / Reject buttons. */
class SimulatedProcessorPageTest extends PaymentsServiceTest {

    @Test
    void the_page_shows_the_payment_and_the_buttons_while_it_waits_for_the_payer() throws Exception {
        UUID paymentId = startedPayment();

        mvc.perform(get("/payment-processor/{id}", paymentId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("Registration"),
                        containsString("75.00 EUR"),
                        containsString("action=\"/payment-processor/" + paymentId + "/accept\""),
                        containsString("action=\"/payment-processor/" + paymentId + "/reject\""),
                        containsString("data-status=\"INITIATED\""))));
    }

    @Test
    void accepting_on_the_page_completes_the_payment_and_links_back_to_the_shop() throws Exception {
        UUID paymentId = startedPayment();

        mvc.perform(post("/payment-processor/{id}/accept", paymentId).param("returnUrl", "http://shop.example/thanks"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location",
                        "/payment-processor/" + paymentId + "?returnUrl=http://shop.example/thanks"));

        assertThat(statusOf(paymentId)).isEqualTo("COMPLETED");
        mvc.perform(get("/payment-processor/{id}", paymentId).param("returnUrl", "http://shop.example/thanks"))
                .andExpect(content().string(allOf(
                        containsString("data-status=\"COMPLETED\""),
                        containsString("href=\"http://shop.example/thanks\""),
                        not(containsString("<button")))));
    }

    @Test
    void rejecting_on_the_page_rejects_the_payment() throws Exception {
        UUID paymentId = startedPayment();

        mvc.perform(post("/payment-processor/{id}/reject", paymentId)).andExpect(status().isSeeOther());

        assertThat(statusOf(paymentId)).isEqualTo("REJECTED");
        mvc.perform(post("/payment-processor/{id}/accept", paymentId))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("was rejected")));
    }

    @Test
    void a_return_url_that_is_not_a_web_page_is_not_linked() throws Exception {
        UUID paymentId = startedPayment();
        mvc.perform(post("/payment-processor/{id}/reject", paymentId)).andExpect(status().isSeeOther());

        mvc.perform(get("/payment-processor/{id}", paymentId).param("returnUrl", "javascript:alert(1)"))
                .andExpect(content().string(not(containsString("javascript:"))));
    }

    @Test
    void an_unknown_payment_has_no_page() throws Exception {
        mvc.perform(get("/payment-processor/{id}", UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(post("/payment-processor/{id}/accept", UUID.randomUUID())).andExpect(status().isNotFound());
    }

    private UUID startedPayment() throws Exception {
        TestOrder order = givenOrder("75.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "75.00").andExpect(status().isCreated());
        return paymentId;
    }
}
