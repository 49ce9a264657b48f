package dev.seatbooking.conference.api;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Audit (owners' dashboard, ADR 18): the owner's answers hold registrants' names and emails, attendees, revenue and
 * payment ids. EdgeSecurityConfiguration turns Spring Security's {@code Cache-Control: no-store} off for every answer
 * ("left to each answer"), and none of these sets one, so a browser (a shared computer at a venue's desk: the
 * exports are downloads) or an intermediary that caches by heuristics may keep them. The read model's order answers
 * say {@code private, no-cache} or {@code no-store}; these say nothing.
 */
class PrivateAnswersNotStoredTest extends IntegrationTest {

    private Owner owner;

    @BeforeEach
    void aConference() throws Exception {
        owner = api().createConference();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/exports/attendees.csv", "/exports/orders.csv", "/orders", "/attendees", "/refunds", "/waitlist",
            ""})
    void an_owners_answer_is_not_to_be_stored(String path) throws Exception {
        var response = api().perform(get(owner.path() + path).with(as(owner))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control"))
                .as("Cache-Control of GET %s (the owner's private data)", path).isNotNull().contains("no-store");
    }
}
