package dev.seatbooking.payments.api;

import dev.seatbooking.testinfra.RefusedWrites;
import dev.seatbooking.testinfra.TestCredentials;
import com.jayway.jsonpath.JsonPath;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API: starting, seeing and answering payments, and every refusal as an RFC 9457 problem. */
class PaymentsApiTest extends PaymentsServiceTest {

    static final String PROBLEMS = "https://seatbooking.dev/problems/";

    @Autowired
    PostgresEventStore store;

    @Nested
    class Starting {

        @Test
        void a_payment_of_the_orders_total_is_initiated_and_waits_for_the_payer() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();

            start(paymentId, order, "120.00")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", endsWith("/api/payments/" + paymentId)))
                    .andExpect(header().string("Consistency-Token", paymentId + ".1"))
                    .andExpect(jsonPath("$.paymentId").value(paymentId.toString()))
                    .andExpect(jsonPath("$.orderId").value(order.orderId().toString()))
                    .andExpect(jsonPath("$.conferenceId").value(order.conferenceId().toString()))
                    .andExpect(jsonPath("$.amount.amount").value(120.00))
                    .andExpect(jsonPath("$.amount.currency").value("EUR"))
                    .andExpect(jsonPath("$.status").value("INITIATED"))
                    .andExpect(jsonPath("$.refundDue").value(false))
                    .andExpect(jsonPath("$.payerUrl", matchesPattern(
                            "http://localhost/payment-processor/" + paymentId + "\\?secret=[A-Za-z0-9_-]{22}")))
                    .andExpect(jsonPath("$.version").value(1));

            payment(paymentId, order)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("INITIATED"))
                    .andExpect(jsonPath("$.description").value("Registration"))
                    .andExpect(jsonPath("$.payerUrl").doesNotExist()); // its secret is kept hashed only
        }

        @Test
        void items_shown_to_the_payer_are_kept() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();
            startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "conferenceId": "%s", "description": "Registration",
                     "amount": {"amount": "120.00", "currency": "EUR"},
                     "items": [{"description": "Full pass", "amount": {"amount": 100, "currency": "EUR"}},
                               {"description": "Workshop", "amount": {"amount": 20, "currency": "EUR"}}]}
                    """.formatted(paymentId, order.orderId(), order.conferenceId()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.items[*].description", containsInAnyOrder("Full pass", "Workshop")));
        }

        @Test
        void the_same_request_again_answers_the_same_and_changes_nothing() throws Exception {
            TestOrder order = givenOrder("80.00");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "80.00").andExpect(status().isCreated());

            start(paymentId, order, "80.00")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", endsWith("/api/payments/" + paymentId)))
                    .andExpect(header().string("Consistency-Token", paymentId + ".1"))
                    .andExpect(jsonPath("$.status").value("INITIATED"));
            assertThat(store.currentVersion(paymentId)).isEqualTo(1);
        }

        @Test
        void a_payment_the_processor_did_not_take_is_a_503_and_the_same_request_again_hands_it_over() throws Exception {
            TestOrder order = givenOrder("60.00");
            UUID paymentId = UUID.randomUUID();
            // The processor's store refuses the payment's link, as it does when its database is away.
            try (RefusedWrites ignored = RefusedWrites.of(jdbc.getDataSource(), "payer_links", "INSERT",
                    "NEW.payment_id = '" + paymentId + "'")) {
                start(paymentId, order, "60.00")
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(header().string("Retry-After", "5"))
                        .andExpect(jsonPath("$.type").value(PROBLEMS + "service-unavailable"))
                        .andExpect(jsonPath("$.detail", containsString("send the same request again")))
                        .andExpect(jsonPath("$.payerUrl").doesNotExist());
            }
            assertThat(store.currentVersion(paymentId)).as("the payment is recorded").isEqualTo(1);

            start(paymentId, order, "60.00")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("INITIATED"))
                    .andExpect(jsonPath("$.payerUrl", matchesPattern(
                            "http://localhost/payment-processor/" + paymentId + "\\?secret=[A-Za-z0-9_-]{22}")));
            assertThat(store.currentVersion(paymentId)).isEqualTo(1);
        }

        @Test
        void the_same_request_after_the_payment_completed_still_succeeds() throws Exception {
            TestOrder order = givenOrder("80.00");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "80.00").andExpect(status().isCreated());
            accept(paymentId).andExpect(status().isAccepted());

            start(paymentId, order, "80.00")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Consistency-Token", paymentId + ".2"))
                    .andExpect(jsonPath("$.status").value("COMPLETED"));
        }

        @Test
        void a_correlation_id_that_is_not_a_uuid_is_replaced_never_a_reason_to_refuse() throws Exception {
            TestOrder order = givenOrder("80.00");
            UUID paymentId = UUID.randomUUID();
            mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON)
                            .header(ACCESS_CODE, order.accessCode())
                            .header("Correlation-Id", "not-a-uuid")
                            .header("Gateway-Token", TestCredentials.GATEWAY_TOKEN)
                            .content("""
                                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 80, "currency": "EUR"}}
                                    """.formatted(paymentId, order.orderId())))
                    .andExpect(status().isCreated());

            // The events still belong to a conversation: a new one.
            assertThat(store.load(paymentId)).singleElement()
                    .satisfies(event -> assertThat(event.metadata().correlationId()).isNotNull());
        }

        @Test
        void a_uuid_correlation_id_joins_the_payments_events_to_that_conversation() throws Exception {
            TestOrder order = givenOrder("80.00");
            UUID paymentId = UUID.randomUUID();
            UUID conversation = UUID.randomUUID();
            mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON)
                            .header(ACCESS_CODE, order.accessCode())
                            .header("Correlation-Id", conversation.toString())
                            .header("Gateway-Token", TestCredentials.GATEWAY_TOKEN) // as the gateway sends it
                            .content("""
                                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 80, "currency": "EUR"}}
                                    """.formatted(paymentId, order.orderId())))
                    .andExpect(status().isCreated());

            assertThat(store.load(paymentId)).singleElement()
                    .satisfies(event -> assertThat(event.metadata().correlationId()).isEqualTo(conversation));
        }

        @Test
        void the_same_payment_id_with_other_content_is_refused() throws Exception {
            TestOrder order = givenOrder("80.00");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "80.00").andExpect(status().isCreated());

            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "description": "Something else", "amount": {"amount": 80, "currency": "EUR"}}
                    """.formatted(paymentId, order.orderId())), 409, "payment-id-conflict")
                    .andExpect(jsonPath("$.paymentId").value(paymentId.toString()));
            assertThat(store.currentVersion(paymentId)).isEqualTo(1);
        }
    }

    @Nested
    class Refusals {

        @Test
        void an_order_payments_does_not_know_is_not_found() throws Exception {
            UUID orderId = UUID.randomUUID();
            UUID paymentId = UUID.randomUUID();
            problem(startJson("C0FFEE12", """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 10, "currency": "EUR"}}
                    """.formatted(paymentId, orderId)), 404, "not-found")
                    .andExpect(jsonPath("$.orderId").value(orderId.toString()));
            assertThat(store.currentVersion(paymentId)).isZero();
        }

        @Test
        void an_amount_other_than_the_orders_total_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();
            problem(start(paymentId, order, "100.00"), 422, "amount-mismatch")
                    .andExpect(jsonPath("$.orderTotal.amount").value(120.00))
                    .andExpect(jsonPath("$.orderTotal.currency").value("EUR"))
                    .andExpect(jsonPath("$.orderTotal.zero").doesNotExist())
                    .andExpect(jsonPath("$.amount.amount").value(100.00));
            assertThat(store.currentVersion(paymentId)).isZero();
        }

        @Test
        void the_total_in_another_currency_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "USD"}}
                    """.formatted(UUID.randomUUID(), order.orderId())), 422, "amount-mismatch");
        }

        @Test
        void the_amount_of_a_recalculated_order_must_be_its_new_total() throws Exception {
            TestOrder order = givenOrder("120.00");
            order.totals(eur("60.00"), false); // partially reserved: fewer seats, new total
            awaitApplied(order);
            problem(start(UUID.randomUUID(), order, "120.00"), 422, "amount-mismatch");
            start(UUID.randomUUID(), order, "60.00").andExpect(status().isCreated());
        }

        @Test
        void the_amount_of_an_order_a_promotional_code_discounted_is_its_total_after_discounts() throws Exception {
            TestOrder order = givenOrder("120.00");
            order.discountedTotals(eur("120.00"), eur("24.00")); // a 20 % code applied while held
            awaitApplied(order);
            problem(start(UUID.randomUUID(), order, "120.00"), 422, "amount-mismatch")
                    .andExpect(jsonPath("$.orderTotal.amount").value(96.00));
            start(UUID.randomUUID(), order, "96.00").andExpect(status().isCreated());
        }

        @Test
        void an_expired_order_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            order.expire();
            awaitApplied(order);
            problem(start(UUID.randomUUID(), order, "120.00"), 422, "order-expired");
        }

        @Test
        void a_second_payment_of_an_order_confirmed_with_the_first_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID first = UUID.randomUUID();
            start(first, order, "120.00").andExpect(status().isCreated());
            accept(first).andExpect(status().isAccepted());
            order.confirmWith(first);
            awaitApplied(order);

            problem(start(UUID.randomUUID(), order, "120.00"), 409, "order-already-paid")
                    .andExpect(jsonPath("$.paidBy").value(first.toString()));
        }

        @Test
        void a_payment_of_a_confirmed_order_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            order.confirm();
            awaitApplied(order);
            problem(start(UUID.randomUUID(), order, "120.00"), 409, "order-already-paid");
        }

        @Test
        void a_payment_of_a_free_order_is_refused() throws Exception {
            TestOrder order = givenOrder(Money.zero("EUR"), true);
            problem(start(UUID.randomUUID(), order, "0"), 422, "order-free-of-charge");
        }

        @Test
        void another_conference_than_the_orders_is_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "conferenceId": "%s", "amount": {"amount": 120, "currency": "EUR"}}
                    """.formatted(UUID.randomUUID(), order.orderId(), UUID.randomUUID())), 422, "conference-mismatch");
        }

        @Test
        void items_that_do_not_add_up_to_the_amount_are_refused() throws Exception {
            TestOrder order = givenOrder("120.00");
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"},
                     "items": [{"description": "Full pass", "amount": {"amount": 100, "currency": "EUR"}}]}
                    """.formatted(UUID.randomUUID(), order.orderId())), 422, "items-mismatch");
        }
    }

    @Nested
    class MalformedRequests {

        @Test
        void missing_and_invalid_fields_are_listed() throws Exception {
            problem(postJson("/api/payments", """
                    {"orderId": "%s", "amount": {"amount": -5, "currency": "euro"}}
                    """.formatted(UUID.randomUUID())), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[*].field",
                            containsInAnyOrder("paymentId", "amount.amount", "amount.currency")));
        }

        @Test
        void money_that_is_not_money_is_a_field_error() throws Exception {
            problem(postJson("/api/payments", """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 10.001, "currency": "XYZ"}}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID())), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].field").value("amount"));
        }

        @Test
        void unreadable_json_is_a_malformed_request_without_internals() throws Exception {
            problem(postJson("/api/payments", "{\"paymentId\": 42,"), 400, "malformed-request")
                    .andExpect(content().string(not(containsString("Exception"))))
                    .andExpect(content().string(not(containsString("at dev.seatbooking"))));
        }

        /** Issue 11, finding 14: amounts are exact decimals of a sane size, checked before any arithmetic. */
        @Test
        void amounts_that_are_not_sane_exact_decimals_are_refused_naming_the_field() throws Exception {
            TestOrder order = givenOrder("120.00");
            for (String amount : List.of("1e999999999", "1E+999999999", "1e-999999999", "\"1e999999999\"",
                    "1000000000", "0.00001", "120.000001", "-1", "null")) {
                UUID paymentId = UUID.randomUUID();
                problem(startJson(order, """
                        {"paymentId": "%s", "orderId": "%s", "amount": {"amount": %s, "currency": "EUR"}}
                        """.formatted(paymentId, order.orderId(), amount)), 400, "validation-failed")
                        .andExpect(jsonPath("$.errors[0].field").value("amount.amount"));
                assertThat(store.currentVersion(paymentId)).isZero();
            }
            for (String amount : List.of("\"\"", "NaN", "\"NaN\"", "\"Infinity\"", "\"12,50\"", "true", "[120]",
                    "1" + "0".repeat(1500))) {
                problem(startJson(order, """
                        {"paymentId": "%s", "orderId": "%s", "amount": {"amount": %s, "currency": "EUR"}}
                        """.formatted(UUID.randomUUID(), order.orderId(), amount)), 400, "malformed-request");
            }
            // The currency's minor unit: a decimal more than it has is refused, exact zeros are not.
            problem(start(UUID.randomUUID(), order, "120.001"), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].field").value("amount"));
            start(UUID.randomUUID(), order, "120.0000").andExpect(status().isCreated());
        }

        @Test
        void an_item_amount_is_held_to_the_same_rule() throws Exception {
            TestOrder order = givenOrder("120.00");
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"},
                     "items": [{"description": "Pass", "amount": {"amount": 1e999999999, "currency": "EUR"}}]}
                    """.formatted(UUID.randomUUID(), order.orderId())), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].field").value("items[0].amount.amount"));
        }

        @Test
        void unknown_fields_are_refused_naming_them() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"},
                     "descripton": "misspelt"}
                    """.formatted(paymentId, order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("descripton"));
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR", "vat": 20}}
                    """.formatted(paymentId, order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("amount.vat"));
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"},
                     "items": [{"description": "Pass", "amount": {"amount": 120, "currency": "EUR"}, "qty": 1}]}
                    """.formatted(paymentId, order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("items[0].qty"));
            assertThat(store.currentVersion(paymentId)).isZero();
        }

        @Test
        void text_with_control_characters_is_refused_naming_the_field() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();
            for (String text : List.of("Reg\\u0000istration", "Registration\\n", "\\u001b[31m", "\\u0085", "\\ud800")) {
                problem(startJson(order, """
                        {"paymentId": "%s", "orderId": "%s", "description": "%s", "amount": {"amount": 120, "currency": "EUR"}}
                        """.formatted(paymentId, order.orderId(), text)), 400, "validation-failed")
                        .andExpect(jsonPath("$.errors[0].field").value("description"));
                problem(startJson(order, """
                        {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"},
                         "items": [{"description": "%s", "amount": {"amount": 120, "currency": "EUR"}}]}
                        """.formatted(paymentId, order.orderId(), text)), 400, "validation-failed")
                        .andExpect(jsonPath("$.errors[0].field").value("items[0].description"));
            }
            // Unescaped in the JSON text, a control character is not JSON at all.
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "description": "Reg\u0000istration", "amount": {"amount": 120, "currency": "EUR"}}
                    """.formatted(paymentId, order.orderId())), 400, "malformed-request");
            assertThat(store.currentVersion(paymentId)).isZero();
        }

        @Test
        void an_empty_or_malformed_id_is_refused_naming_the_field() throws Exception {
            TestOrder order = givenOrder("120.00");
            UUID paymentId = UUID.randomUUID();
            problem(startJson(order, """
                    {"paymentId": "", "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"}}
                    """.formatted(order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("paymentId"));
            problem(startJson(order, """
                    {"paymentId": "%s", "orderId": "%s", "conferenceId": "", "amount": {"amount": 120, "currency": "EUR"}}
                    """.formatted(paymentId, order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("conferenceId"));
            problem(startJson(order, """
                    {"paymentId": 42, "orderId": "%s", "amount": {"amount": 120, "currency": "EUR"}}
                    """.formatted(order.orderId())), 400, "malformed-request")
                    .andExpect(jsonPath("$.errors[0].field").value("paymentId"));
            assertThat(store.currentVersion(paymentId)).isZero();
        }

        @Test
        void a_list_limit_out_of_range_is_a_field_error() throws Exception {
            problem(mvc.perform(get("/api/admin/payments").header("Authorization", TestCredentials.opsAuthorization()).param("limit", "0")), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }

        @Test
        void an_id_that_is_not_a_uuid_is_a_malformed_request() throws Exception {
            problem(mvc.perform(get("/api/payments/not-a-uuid")), 400, "malformed-request");
        }
    }

    @Nested
    class Answering {

        @Test
        void the_payer_accepting_completes_the_payment_once() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());

            accept(paymentId)
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Consistency-Token", paymentId + ".2"))
                    .andExpect(jsonPath("$.status").value("COMPLETED"))
                    .andExpect(jsonPath("$.payerUrl").doesNotExist());
            accept(paymentId)
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Consistency-Token", paymentId + ".2"));

            assertThat(store.currentVersion(paymentId)).isEqualTo(2);
            payment(paymentId, order).andExpect(jsonPath("$.status").value("COMPLETED"));
        }

        @Test
        void the_payer_rejecting_rejects_the_payment_once_and_it_cannot_complete_any_more() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());

            reject(paymentId)
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Consistency-Token", paymentId + ".2"))
                    .andExpect(jsonPath("$.status").value("REJECTED"));
            reject(paymentId).andExpect(status().isAccepted());
            problem(accept(paymentId), 409, "payment-already-rejected");
            assertThat(store.currentVersion(paymentId)).isEqualTo(2);
        }

        @Test
        void a_rejected_payment_leaves_the_order_open_for_another() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID first = UUID.randomUUID();
            start(first, order, "45.50").andExpect(status().isCreated());
            reject(first).andExpect(status().isAccepted());
            start(UUID.randomUUID(), order, "45.50").andExpect(status().isCreated());
        }

        @Test
        void only_the_holder_of_the_payers_link_can_answer_and_nothing_changes_for_anyone_else() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            UUID otherPayment = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());
            start(otherPayment, order, "45.50").andExpect(status().isCreated());

            for (String secret : Arrays.asList(null, "", "wrong", secretOf(otherPayment))) {
                problem(accept(paymentId, secret), 404, "not-found")
                        .andExpect(jsonPath("$.detail").value(detail(accept(UUID.randomUUID(), secret))
                                .replaceAll("[0-9a-f-]{36}", paymentId.toString())));
                problem(reject(paymentId, secret), 404, "not-found");
            }
            assertThat(store.currentVersion(paymentId)).isEqualTo(1);
            payment(paymentId, order).andExpect(jsonPath("$.status").value("INITIATED"));

            accept(paymentId, secretOf(paymentId)).andExpect(status().isAccepted());
        }

        @Test
        void a_completed_payment_cannot_be_rejected() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());
            accept(paymentId).andExpect(status().isAccepted());
            problem(reject(paymentId), 409, "payment-already-completed");
        }

        @Test
        void an_unknown_payment_is_not_found() throws Exception {
            UUID paymentId = UUID.randomUUID();
            problem(mvc.perform(get("/api/payments/{id}", paymentId).header(ACCESS_CODE, "C0FFEE12")), 404, "not-found");
            problem(accept(paymentId), 404, "not-found");
            problem(reject(paymentId), 404, "not-found");
        }

        @Test
        void an_orders_payments_are_listed_with_it() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            start(first, order, "45.50").andExpect(status().isCreated());
            reject(first).andExpect(status().isAccepted());
            start(second, order, "45.50").andExpect(status().isCreated());

            mvc.perform(get("/api/admin/payments").header("Authorization", TestCredentials.opsAuthorization()).param("orderId", order.orderId().toString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].paymentId", containsInAnyOrder(first.toString(), second.toString())));
            mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, order.accessCode()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total.amount").value(45.50))
                    .andExpect(jsonPath("$.status").value("PENDING"))
                    .andExpect(jsonPath("$.payments[*].status", containsInAnyOrder("REJECTED", "INITIATED")));
        }
    }

    /**
     * Issue 11, finding 2: an order id or a payment id is not a secret. What payments knows of an order opens only
     * with the order's access code; lists across orders are for operators, under /api/admin/.
     */
    @Nested
    class Access {

        @Test
        void payments_are_not_listed_to_anyone_at_the_public_path() throws Exception {
            TestOrder order = givenOrder("45.50");
            start(UUID.randomUUID(), order, "45.50").andExpect(status().isCreated());

            problem(mvc.perform(get("/api/payments").param("limit", "1000")), 405, "method-not-allowed");
            problem(mvc.perform(get("/api/payments").param("refundDue", "true")), 405, "method-not-allowed");
            problem(mvc.perform(get("/api/payments").param("orderId", order.orderId().toString())), 405,
                    "method-not-allowed");
            // The operators' list needs the ops credential.
            problem(mvc.perform(get("/api/admin/payments").param("limit", "1000")), 401, "unauthorized");
            mvc.perform(get("/api/admin/payments").header("Authorization", TestCredentials.opsAuthorization())
                            .param("limit", "1000"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].orderId", hasItem(order.orderId().toString())));
        }

        @Test
        void an_orders_totals_and_payments_open_only_with_its_access_code() throws Exception {
            TestOrder order = givenOrder("45.50");
            start(UUID.randomUUID(), order, "45.50").andExpect(status().isCreated());
            TestOrder other = givenOrder("45.50");

            ResultActions noCode = mvc.perform(get("/api/orders/{id}", order.orderId()));
            ResultActions wrongCode = mvc.perform(get("/api/orders/{id}", order.orderId())
                    .header(ACCESS_CODE, other.accessCode()));
            UUID unknownOrder = UUID.randomUUID();
            ResultActions unknown = mvc.perform(get("/api/orders/{id}", unknownOrder)
                    .header(ACCESS_CODE, order.accessCode()));
            for (ResultActions refused : List.of(noCode, wrongCode, unknown)) {
                problem(refused, 404, "not-found")
                        .andExpect(jsonPath("$.payments").doesNotExist())
                        .andExpect(jsonPath("$.total").doesNotExist());
            }
            assertThat(detail(wrongCode)).isEqualTo(detail(noCode));
            assertThat(detail(unknown).replace(unknownOrder.toString(), order.orderId().toString()))
                    .isEqualTo(detail(noCode));
            assertThat(body(noCode)).doesNotContain(other.accessCode(), order.accessCode());
            assertThat(body(wrongCode)).doesNotContain(other.accessCode(), order.accessCode());

            mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, order.accessCode()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.payments.length()").value(1));
        }

        /** Issue 11, finding 5: payments answered code guesses as fast as they came. */
        @Test
        void guessing_an_orders_code_is_held_back_and_then_even_the_right_code_waits() throws Exception {
            TestOrder order = givenOrder("45.50");
            String guesser = "198.51.100." + (1 + new java.util.Random().nextInt(250));
            for (int guess = 0; guess < FAILURES_PER_ORDER; guess++) {
                problem(mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, "WRONG-" + guess)
                        .with(request -> { request.setRemoteAddr(guesser); return request; })), 404, "not-found");
            }
            // the order is held back for everyone for a while, right code or wrong: the answer tells nothing
            for (String code : List.of(order.accessCode(), "WRONG-AGAIN")) {
                problem(mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, code)),
                        429, "too-many-requests")
                        .andExpect(header().exists("Retry-After"));
            }
            problem(start(UUID.randomUUID(), order, "45.50"), 429, "too-many-requests");
        }

        /**
         * A known payment was checked against its order's lock, an unknown one against its own id: with the order
         * held back, the first answered 429 and the second 404, telling whether a payment exists and which order
         * it pays.
         */
        @Test
        void while_an_order_is_held_back_its_payments_answer_as_unknown_ones_do() throws Exception {
            TestOrder order = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());
            String guesser = "198.51.100." + (1 + new java.util.Random().nextInt(250));
            for (int guess = 0; guess < FAILURES_PER_ORDER; guess++) {
                problem(mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, "WRONG-" + guess)
                        .with(request -> { request.setRemoteAddr(guesser); return request; })), 404, "not-found");
            }
            problem(mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, "WRONG")), 429,
                    "too-many-requests");

            problem(mvc.perform(get("/api/payments/{id}", paymentId).header(ACCESS_CODE, "WRONG")), 404, "not-found");
            problem(mvc.perform(get("/api/payments/{id}", UUID.randomUUID()).header(ACCESS_CODE, "WRONG")), 404,
                    "not-found");
            payment(paymentId, order).andExpect(status().isOk());
        }

        @Test
        void a_payment_opens_only_with_its_orders_access_code() throws Exception {
            TestOrder order = givenOrder("45.50");
            TestOrder other = givenOrder("45.50");
            UUID paymentId = UUID.randomUUID();
            start(paymentId, order, "45.50").andExpect(status().isCreated());

            problem(mvc.perform(get("/api/payments/{id}", paymentId)), 404, "not-found");
            problem(mvc.perform(get("/api/payments/{id}", paymentId).header(ACCESS_CODE, other.accessCode())), 404,
                    "not-found")
                    .andExpect(jsonPath("$.orderId").doesNotExist())
                    .andExpect(jsonPath("$.detail").value(
                            detail(mvc.perform(get("/api/payments/{id}", paymentId).header(ACCESS_CODE, "C0FFEE12")))));
            payment(paymentId, order).andExpect(status().isOk());
        }

        @Test
        void only_the_holder_of_an_orders_access_code_can_start_paying_it() throws Exception {
            TestOrder order = givenOrder("45.50");
            TestOrder other = givenOrder("45.50");
            String body = """
                    {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 45.50, "currency": "EUR"}}
                    """;
            UUID noCode = UUID.randomUUID();
            UUID wrongCode = UUID.randomUUID();

            problem(postJson("/api/payments", body.formatted(noCode, order.orderId())), 404, "not-found");
            ResultActions wrong = problem(startJson(other, body.formatted(wrongCode, order.orderId())), 404, "not-found");
            UUID unknownOrder = UUID.randomUUID();
            ResultActions unknown = problem(startJson(order, body.formatted(UUID.randomUUID(), unknownOrder)), 404,
                    "not-found");
            assertThat(detail(wrong)).isEqualTo(detail(unknown).replace(unknownOrder.toString(), order.orderId().toString()));

            assertThat(store.currentVersion(noCode)).isZero();
            assertThat(store.currentVersion(wrongCode)).isZero();
            startJson(order, body.formatted(UUID.randomUUID(), order.orderId())).andExpect(status().isCreated());
        }
    }

    static String detail(ResultActions response) throws Exception {
        return JsonPath.read(body(response), "$.detail");
    }

    static String body(ResultActions response) throws Exception {
        return response.andReturn().getResponse().getContentAsString();
    }

    static ResultActions problem(ResultActions response, int status, String type) throws Exception {
        return response
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
