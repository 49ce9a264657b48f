package dev.seatbooking.payments.api;

import dev.seatbooking.payments.support.PaymentsServiceTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiTest extends PaymentsServiceTest {

    @Test
    void the_api_is_described() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/payments")))
                .andExpect(jsonPath("$.paths", hasKey("/api/payments/{paymentId}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/payment-processor/{paymentId}/accept")))
                .andExpect(jsonPath("$.paths", hasKey("/api/payment-processor/{paymentId}/reject")))
                .andExpect(jsonPath("$.paths", hasKey("/api/orders/{orderId}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/admin/payments")))
                .andExpect(jsonPath("$.paths['/api/payments'].get").doesNotExist())
                // the container's error page is no operation of the API
                .andExpect(jsonPath("$.paths['/error']").doesNotExist())
                // what the fuzz test mutates from: a money amount below 0 is not one
                .andExpect(jsonPath("$.components.schemas.Amount.properties.amount.minimum").value(0))
                // the correlation id is the edge's, for every request: no operation's parameter
                .andExpect(jsonPath("$.paths['/api/payments'].post.parameters[?(@.name == 'Correlation-Id')]").isEmpty());
    }
}
