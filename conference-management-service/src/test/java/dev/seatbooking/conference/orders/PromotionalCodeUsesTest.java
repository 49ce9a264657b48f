package dev.seatbooking.conference.orders;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseHeld;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseReleased;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration's code-use events, sent to the real broker on the conference's code-uses stream (key = conference id),
 * become each code's held and used counts in the owner's list; a redelivered, older or out-of-order event changes
 * nothing it should not; and a usage limit never goes below the uses counted.
 */
class PromotionalCodeUsesTest extends IntegrationTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    private final RegistrationEvents registration = new RegistrationEvents();
    private Owner owner;
    private UUID conference;
    private UUID limited;
    private UUID unlimited;

    @BeforeEach
    void codes() throws Exception {
        owner = api().createConference();
        conference = owner.conferenceId();
        api().addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
        Map<String, Object> five = AdminApi.percentCode("FIVE", 10);
        five.put("usageLimit", 5);
        limited = api().createCode(owner, five);
        unlimited = api().createCode(owner, AdminApi.percentCode("ALWAYS", 10));
    }

    @AfterEach
    void close() {
        registration.close();
    }

    @Test
    void each_code_shows_the_counts_of_its_latest_use_event() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        registration.send(conference, 1, new PromotionalCodeUseHeld(conference, limited, first, 1, 0));
        registration.send(conference, 2, new PromotionalCodeUseHeld(conference, limited, second, 2, 0));
        registration.send(conference, 3, new PromotionalCodeUseSpent(conference, limited, first, 1, 1));
        registration.send(conference, 4, new PromotionalCodeUseHeld(conference, unlimited, second, 1, 0));

        awaitUses(limited, 1, 1);
        awaitUses(unlimited, 1, 0);
        registration.send(conference, 5, new PromotionalCodeUseReleased(conference, limited, second, 0, 1));
        awaitUses(limited, 0, 1);
        api().perform(get(owner.path() + "/promotional-codes").with(as(owner)))
                .andExpect(jsonPath("$[0].code").value("FIVE"))
                .andExpect(jsonPath("$[0].held").value(0))
                .andExpect(jsonPath("$[0].used").value(1))
                .andExpect(jsonPath("$[1].held").value(1));
    }

    @Test
    void a_redelivered_or_older_event_changes_nothing() throws Exception {
        UUID order = UUID.randomUUID();
        Envelope held = registration.send(conference, 1, new PromotionalCodeUseHeld(conference, limited, order, 1, 0));
        registration.send(conference, 2, new PromotionalCodeUseSpent(conference, limited, order, 0, 1));
        awaitUses(limited, 0, 1);

        registration.send(held);                                                                  // redelivered
        registration.send(conference, 2, new PromotionalCodeUseHeld(conference, limited, order, 3, 0)); // same version
        registration.send(conference, 1, new PromotionalCodeUseHeld(conference, limited, order, 4, 0)); // older
        // the same key, so the same partition: once this later event is in, the ones before it were consumed
        registration.send(conference, 3, new PromotionalCodeUseHeld(conference, unlimited, order, 7, 0));
        awaitUses(unlimited, 7, 0);
        uses(limited, 0, 1);
    }

    @Test
    void versions_are_compared_per_code_so_one_codes_late_event_still_counts() throws Exception {
        UUID order = UUID.randomUUID();
        registration.send(conference, 6, new PromotionalCodeUseHeld(conference, unlimited, order, 2, 0));
        registration.send(conference, 5, new PromotionalCodeUseHeld(conference, limited, order, 3, 0));

        awaitUses(limited, 3, 0);
        uses(unlimited, 2, 0);
    }

    @Test
    void a_usage_limit_is_not_lowered_below_the_uses_held_and_spent() throws Exception {
        registration.send(conference, 1, new PromotionalCodeUseHeld(conference, limited, UUID.randomUUID(), 1, 0));
        registration.send(conference, 2, new PromotionalCodeUseHeld(conference, limited, UUID.randomUUID(), 2, 0));
        registration.send(conference, 3, new PromotionalCodeUseSpent(conference, limited, UUID.randomUUID(), 1, 2));
        awaitUses(limited, 1, 2);
        Map<String, Object> terms = AdminApi.percentCode("FIVE", 10);
        terms.put("usageLimit", 2);

        api().perform(api().withJson(put(owner.path() + "/promotional-codes/" + limited).with(as(owner)), terms))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/code-uses-taken"))
                .andExpect(jsonPath("$.taken").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("usageLimit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at least 3, the uses already held or spent"));
        terms.put("usageLimit", 3);
        api().perform(api().withJson(put(owner.path() + "/promotional-codes/" + limited).with(as(owner)), terms))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageLimit").value(3))
                .andExpect(jsonPath("$.held").value(1))
                .andExpect(jsonPath("$.used").value(2));
    }

    private void awaitUses(UUID code, int held, int used) {
        await().atMost(CONSUMED).untilAsserted(() -> uses(code, held, used));
    }

    private void uses(UUID code, int held, int used) throws Exception {
        api().perform(get(owner.path() + "/promotional-codes/" + code).with(as(owner)))
                .andExpect(jsonPath("$.held").value(held))
                .andExpect(jsonPath("$.used").value(used));
    }
}
