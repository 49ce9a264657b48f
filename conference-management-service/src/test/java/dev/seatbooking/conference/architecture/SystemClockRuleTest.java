package dev.seatbooking.conference.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain's clock rule would catch a reader of the system clock, and lets a reader of a given clock pass. */
class SystemClockRuleTest {

    static final class ReadsInstantNow {
        Instant stamp() {
            return Instant.now();
        }
    }

    static final class ReadsTheSystemZone {
        LocalDate today() {
            return LocalDate.now(Clock.systemDefaultZone());
        }
    }

    static final class TakesAClock {
        Instant stamp(Clock clock) {
            return Instant.now(clock);
        }
    }

    @Test
    void a_call_of_instant_now_or_of_the_system_clock_breaks_the_rule() {
        assertThat(evaluate(ReadsInstantNow.class)).isTrue();
        assertThat(evaluate(ReadsTheSystemZone.class)).isTrue();
    }

    @Test
    void the_time_of_a_given_clock_does_not() {
        assertThat(evaluate(TakesAClock.class)).isFalse();
    }

    private static boolean evaluate(Class<?> type) {
        JavaClasses classes = new ClassFileImporter().importClasses(type);
        return PackageRulesTest.readsNoSystemClock(type.getPackageName() + "..").evaluate(classes).hasViolation();
    }
}
