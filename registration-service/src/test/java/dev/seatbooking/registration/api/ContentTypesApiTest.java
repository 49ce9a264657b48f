package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies in content types the fuzz test does not send (it sends JSON, and JSON labelled text/plain). The API reads JSON
 * only, strictly (StrictJson): any other type is a 415, a body that cannot be parsed a 400, never a 500 and never a
 * second, lenient reader.
 */
class ContentTypesApiTest extends RegistrationServiceTest {

    private static final String LOOKUP = "{\"email\":\"ada@example.org\",\"accessCode\":\"ABCDEFGHJK\"}";

    @Test
    void a_wildcard_content_type_is_a_415_not_a_500() {
        for (String type : new String[]{"*/*", "application/*"}) {
            assertProblem(registrant.send("POST", "/api/orders/lookup", LOOKUP, Map.of("Content-Type", type)), 415,
                    "unsupported-media-type");
        }
    }

    @Test
    void a_broken_multipart_body_is_a_4xx_not_a_500() {
        Response answer = registrant.send("POST", "/api/orders/lookup", "--x\r\n\r\nb\r\n--x--\r\n",
                Map.of("Content-Type", "multipart/mixed; boundary=x"));
        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_put_form_body_with_a_broken_escape_is_a_4xx_problem_of_the_vocabulary_not_a_500() {
        Response answer = registrant.send("PUT", "/api/orders/" + UUID.randomUUID() + "/registrant", "email=%zz",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Order-Access-Code", "ABCDEFGHJK"));
        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_yaml_body_is_not_read_around_strict_json() {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", 10, Money.of("0.00", "EUR")));
        UUID orderId = UUID.randomUUID();
        // As JSON each of these is a 400: 1.5 is no whole number, "unknownField" no field of the request.
        String yaml = "orderId: " + orderId + "\nseats:\n  - seatTypeId: " + conference.seatType()
                + "\n    quantity: 1.5\nunknownField: x\n";

        Response answer = registrant.send("POST", "/api/conferences/" + conference.id() + "/orders", yaml,
                Map.of("Content-Type", "application/yaml"));

        assertProblem(answer, 415, "unsupported-media-type");
        assertThat(probe.events(orderId)).isEmpty();
    }
}
