package dev.seatbooking.conference.access;

import dev.seatbooking.web.throttle.TooManyAttempts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    static final String OWNER = "ada@example.org";
    /** The conference the attempts aim at (whoever owns it). */
    static final UUID ADAS = UUID.randomUUID();
    static final Duration OWNER_INTERVAL = Duration.ofSeconds(2);
    static final Duration CLIENT_INTERVAL = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock();
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(15), new Budget.Rate(10, OWNER_INTERVAL), new Budget.Rate(20, CLIENT_INTERVAL),
            Duration.ofHours(12), 1_000), clock);

    @Test
    void the_first_failures_are_free_then_each_one_doubles_the_wait_up_to_the_cap() {
        for (int i = 0; i < 3; i++) fail(OWNER, "10.0.0.1");
        assertThat(refusal(OWNER, "10.0.0.1")).contains(Duration.ofSeconds(1));
        for (long expected : new long[]{1, 2, 4, 8, 16, 32, 60, 60}) {
            assertThat(refusal(OWNER, "10.0.0.1")).contains(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
            fail(OWNER, "10.0.0.1");
        }
    }

    @Test
    void an_attacker_failing_fifty_times_does_not_keep_the_owner_from_signing_in_elsewhere() {
        String attacker = "10.0.0.1";
        for (int failure = 0; failure < 50; failure++) {
            assertThat(waitUntilAllowed(OWNER, attacker)).isLessThanOrEqualTo(Duration.ofSeconds(60));
            fail(OWNER, attacker);
        }
        assertThat(refusal(OWNER, attacker)).as("the attacker waits").contains(Duration.ofSeconds(60));

        throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS); // no refusal, no delay
    }

    @Test
    void many_addresses_together_are_held_to_the_owners_rate_while_the_owner_gets_through() {
        for (int address = 0; address < 100; address++) {
            for (int i = 0; i < 3; i++) fail(OWNER, "10.1.0." + address);
        }
        clock.advance(Duration.ofSeconds(1)); // past each address's own first delay
        int letThrough = 0;
        for (int address = 0; address < 100; address++) {
            Optional<Duration> wait = refusal(OWNER, "10.1.0." + address);
            if (wait.isEmpty()) {
                letThrough++;
                fail(OWNER, "10.1.0." + address);
            } else {
                assertThat(wait.get()).as("a delay, not a ban").isLessThanOrEqualTo(OWNER_INTERVAL);
            }
        }
        assertThat(letThrough).as("the 300 failures emptied the owner's rate").isZero();

        throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS);
        throttle.begin(OWNER.toUpperCase(), "10.0.0.3", ADAS).succeeded(ADAS);
    }

    @Test
    void an_owner_who_mistyped_and_then_signed_in_is_not_held_to_the_owners_rate() {
        for (int i = 0; i < 3; i++) fail(OWNER, "10.0.0.2");
        clock.advance(Duration.ofSeconds(1));
        throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS);
        for (int address = 0; address < 50; address++) fail(OWNER, "10.1.0." + address); // the rate is empty now

        for (int call = 0; call < 30; call++) throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS);
    }

    /**
     * Anyone may create a conference with the owner's email and sign in to it. Successes there ended each address's
     * "deep in failures" state, so a crowd interleaving them with guesses at the owner's conference was not held to
     * the owner's rate: 100 guesses let through in one interval instead of 1.
     */
    @Test
    void successes_at_a_conference_made_with_the_owners_email_do_not_exempt_guesses_at_the_owners() {
        UUID decoy = UUID.randomUUID();
        for (int address = 0; address < 100; address++) {
            for (int i = 0; i < 3; i++) fail(OWNER, "10.1.0." + address);
        }
        clock.advance(OWNER_INTERVAL); // past each address's own first delay; one attempt of the owner's rate back
        for (int address = 0; address < 100; address++) {
            throttle.begin(OWNER, "10.1.0." + address, decoy).succeeded(decoy);
        }
        int letThrough = 0;
        for (int address = 0; address < 100; address++) {
            if (refusal(OWNER, "10.1.0." + address).isEmpty()) {
                letThrough++;
                fail(OWNER, "10.1.0." + address);
            }
        }
        assertThat(letThrough).as("the owner's rate: one per interval").isEqualTo(1);
    }

    @Test
    void a_sign_in_that_finds_the_conference_by_email_and_code_is_exempted_by_no_earlier_success() {
        for (int i = 0; i < 3; i++) fail(OWNER, "10.0.0.2");
        clock.advance(Duration.ofSeconds(1));
        throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS);
        for (int address = 0; address < 50; address++) fail(OWNER, "10.1.0." + address); // the rate is empty now

        assertThatThrownBy(() -> throttle.begin(OWNER, "10.0.0.2", null)).isInstanceOf(TooManyAttempts.class);
        throttle.begin(OWNER, "10.0.0.2", ADAS).succeeded(ADAS); // its own conference: not held
    }

    @Test
    void a_success_does_not_end_a_run_of_failures() {
        for (int i = 0; i < 4; i++) {
            fail(OWNER, "10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(5));
        throttle.begin(OWNER, "10.0.0.1", ADAS).succeeded(ADAS);
        fail(OWNER, "10.0.0.1");
        assertThat(refusal(OWNER, "10.0.0.1")).as("the 5th failure in a row").contains(Duration.ofSeconds(4));
    }

    @Test
    void a_run_is_forgotten_long_enough_after_its_last_failure() {
        for (int i = 0; i < 3; i++) fail(OWNER, "10.0.0.1");
        clock.advance(Duration.ofMinutes(15));
        fail(OWNER, "10.0.0.1");
        assertThat(refusal(OWNER, "10.0.0.1")).as("a first failure again").isEmpty();
    }

    @Test
    void one_client_cannot_spray_guesses_over_many_emails() {
        String sprayer = "10.0.0.9";
        for (int i = 0; i < 20; i++) fail(UUID.randomUUID() + "@example.org", sprayer);
        assertThat(refusal("someone@example.org", sprayer)).contains(CLIENT_INTERVAL);
        clock.advance(CLIENT_INTERVAL);
        fail("someone@example.org", sprayer);
        assertThat(refusal("someone-else@example.org", sprayer).orElseThrow())
                .as("one more per interval; a delay, not a ban").isLessThanOrEqualTo(CLIENT_INTERVAL);
    }

    @Test
    void an_owner_working_behind_the_sprayers_address_is_not_held_to_its_rate() {
        String sharedAddress = "10.0.0.9";
        throttle.begin(OWNER, sharedAddress, ADAS).succeeded(ADAS);
        for (int i = 0; i < 40; i++) {
            String email = UUID.randomUUID() + "@example.org";
            waitUntilAllowed(email, sharedAddress);
            fail(email, sharedAddress);
        }
        assertThat(refusal("someone@example.org", sharedAddress)).as("the sprayer's rate is empty").isPresent();
        throttle.begin(OWNER, sharedAddress, ADAS).succeeded(ADAS);
    }

    @Test
    void attempts_in_flight_count_before_their_outcome_is_known() {
        for (int i = 0; i < 20; i++) throttle.begin(UUID.randomUUID() + "@example.org", "10.0.0.1", ADAS); // concurrent
        assertThat(refusal(OWNER, "10.0.0.1")).as("the 21st concurrent attempt").isPresent();
    }

    @Test
    void a_success_gives_back_what_its_attempt_took() {
        for (int i = 0; i < 40; i++) throttle.begin(UUID.randomUUID() + "@example.org", "10.0.0.1", ADAS).succeeded(ADAS);
        assertThat(refusal("other@example.org", "10.0.0.1")).isEmpty();
    }

    @Test
    void right_and_wrong_credentials_are_refused_alike_because_the_refusal_comes_first() {
        for (int i = 0; i < 3; i++) fail(OWNER, "10.0.0.1");
        assertThatThrownBy(() -> throttle.begin(OWNER, "10.0.0.1", ADAS))
                .isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void emails_count_ignoring_case_and_ipv6_addresses_per_64() {
        for (int i = 0; i < 3; i++) fail("Ada@Example.ORG", "2001:db8:0:0::1");
        assertThat(refusal("ada@example.org", "2001:db8::ffff")).isPresent();
        assertThat(refusal("ADA@EXAMPLE.ORG", "2001:db8:0:0:1234:5678:9abc:def0")).isPresent();
        assertThat(refusal(OWNER, "2001:db8:0:1::1")).as("another /64").isEmpty();
        assertThat(SignInThrottle.canonicalEmail("\u212Aelvin@example.org")).isEqualTo("kelvin@example.org");
        assertThat(SignInThrottle.clientKey("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(SignInThrottle.clientKey("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void a_flood_of_new_emails_and_addresses_does_not_grow_memory_without_bound() {
        for (int i = 0; i < 20_000; i++) {
            String client = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            fail(UUID.randomUUID() + "@example.org", client);
            throttle.begin(UUID.randomUUID() + "@example.org", client, ADAS).succeeded(ADAS);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(5 * 1_000 + 100);
    }

    private void fail(String email, String client) {
        throttle.begin(email, client, ADAS).failed();
    }

    /** How long {@code client} must wait before it may try {@code email}; an attempt let through is left unused. */
    private Optional<Duration> refusal(String email, String client) {
        try (SignInThrottle.Attempt unused = throttle.begin(email, client, ADAS)) {
            return Optional.empty(); // closed untold: gives back what it took
        } catch (TooManyAttempts refused) {
            return Optional.of(refused.retryAfter());
        }
    }

    /** Waits (on the test's clock) until {@code client} may try {@code email}; how long that was. */
    private Duration waitUntilAllowed(String email, String client) {
        Duration waited = Duration.ZERO;
        for (Optional<Duration> wait = refusal(email, client); wait.isPresent(); wait = refusal(email, client)) {
            clock.advance(wait.get());
            waited = waited.plus(wait.get());
        }
        return waited;
    }
}
