package dev.seatbooking.testinfra.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared clock rule catches every way of reading the machine's clock, and lets a given clock's time pass. */
class SystemClockRuleTest {

    @SuppressWarnings("unused")
    static final class ReadsTheSystemClock {
        void read() {
            Instant.now();
            LocalDate.now();
            Clock.systemUTC();
            System.currentTimeMillis();
            System.nanoTime();
        }
    }

    @SuppressWarnings("unused")
    static final class TakesAClock {
        Instant stamp(Clock clock) {
            return Instant.now(clock);
        }
    }

    @Test
    void every_way_of_reading_the_system_clock_breaks_the_rule() {
        assertThat(violations(ReadsTheSystemClock.class)).hasSize(5);
    }

    @Test
    void the_time_of_a_given_clock_does_not() {
        assertThat(violations(TakesAClock.class)).isEmpty();
    }

    private static java.util.List<String> violations(Class<?> type) {
        return SystemClockRule.neverReadIn(type.getPackageName() + "..")
                .evaluate(new ClassFileImporter().importClasses(type)).getFailureReport().getDetails();
    }
}
