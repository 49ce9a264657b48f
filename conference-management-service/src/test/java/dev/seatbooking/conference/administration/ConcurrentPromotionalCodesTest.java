package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.promotion.CodeTerms;
import dev.seatbooking.conference.promotion.PromotionalCodeRejection;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners (or one owner's double clicks) creating the same code text at the same time, in different cases: the
 * conference's lock makes the creations serial, so exactly one is created and every other is refused as a
 * duplicate, never an error.
 */
class ConcurrentPromotionalCodesTest extends IntegrationTest {

    private static final int CREATORS = 6;

    @Autowired
    PromotionalCodeAdministration codes;
    @Autowired
    JdbcTemplate jdbc;

    @RepeatedTest(5)
    void of_simultaneous_creations_of_one_text_in_any_case_exactly_one_succeeds() throws Exception {
        Owner owner = api().createConference();
        CodeTerms terms = new CodeTerms(Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null, null, null, false);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < CREATORS; i++) {
                String text = List.of("race-1", "RACE-1", "Race-1").get(i % 3);
                outcomes.add(creators.submit(() -> {
                    start.await();
                    try {
                        codes.create(owner.conferenceId(), UUID.randomUUID(), text, terms);
                        return "created";
                    } catch (PromotionalCodeRejection.CodeTextTaken e) {
                        return "taken";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) results.add(outcome.get(30, TimeUnit.SECONDS));

            assertThat(results).containsOnlyOnce("created").containsOnly("created", "taken");
        } finally {
            creators.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM promotional_codes WHERE conference_id = ?", Integer.class,
                owner.conferenceId())).isOne();
    }
}
