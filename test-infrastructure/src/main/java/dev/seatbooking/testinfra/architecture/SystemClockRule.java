package dev.seatbooking.testinfra.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesThat;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;

import java.time.Clock;
import java.util.function.Function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Time is a parameter of every domain decision: the service passes its one {@code Clock}'s reading, tests a chosen
 * one. This rule, shared by every service's architecture test, finds the ways of reading the machine's clock instead.
 */
public final class SystemClockRule {

    /**
     * A parameterless {@code now()} of java.time ({@code Instant.now()}, {@code LocalDate.now()}…), a system
     * {@code Clock}, {@code System.currentTimeMillis()} or {@code System.nanoTime()}. {@code Instant.now(clock)} is fine.
     */
    public static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "reads the system clock", call -> {
                String owner = call.getTargetOwner().getName();
                String method = call.getName();
                boolean parameterless = call.getTarget().getRawParameterTypes().isEmpty();
                return owner.startsWith("java.time.") && method.equals("now") && parameterless
                        || call.getTargetOwner().isEquivalentTo(Clock.class) && method.startsWith("system")
                        || owner.equals(System.class.getName())
                        && (method.equals("currentTimeMillis") || method.equals("nanoTime"));
            });

    private SystemClockRule() {
    }

    /** No class in these packages (ArchUnit package patterns, e.g. {@code "..order.."}) reads the system clock. */
    public static ArchRule neverReadIn(String... packages) {
        return neverReadBy(that -> that.resideInAnyPackage(packages));
    }

    /** No class the selection picks reads the system clock. */
    public static ArchRule neverReadBy(Function<ClassesThat<GivenClassesConjunction>, GivenClassesConjunction> selection) {
        return selection.apply(noClasses().that()).should().callMethodWhere(READS_THE_SYSTEM_CLOCK);
    }
}
