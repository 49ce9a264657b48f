package dev.seatbooking.registration.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.SeatQuantities;
import dev.seatbooking.testinfra.architecture.SystemClockRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain decides; Spring, Kafka, the database and the clock stay at the edges that store and carry its decisions
 * (time comes in as a parameter).
 */
class DomainBoundariesTest {

    private static final String[] DOMAIN = {
            "dev.seatbooking.registration.order..",
            "dev.seatbooking.registration.seatsavailability..",
            "dev.seatbooking.registration.promotionalcodeuses..",
            "dev.seatbooking.registration.seatassignments..",
            "dev.seatbooking.registration.process.."};

    /** Imported once for all the rules (JUnit makes an instance per test). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.seatbooking.registration");

    @Test
    void the_domain_imports_nothing_from_spring_kafka_or_jdbc() {
        noClasses().that().resideInAnyPackage(DOMAIN).or().belongToAnyOf(DomainRejection.class, SeatQuantities.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void the_domain_uses_no_storage_or_messaging_machinery_of_the_library() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.seatbooking.eventsourcing.store..", "dev.seatbooking.eventsourcing.outbox..",
                        "dev.seatbooking.eventsourcing.inbox..", "dev.seatbooking.eventsourcing.messaging..",
                        "dev.seatbooking.eventsourcing.relay..", "dev.seatbooking.eventsourcing.spring..",
                        "dev.seatbooking.eventsourcing.process..")
                .check(CLASSES);
    }

    /** Time is a parameter of every decision: the service passes its one {@code Clock}'s reading, tests a fixed one. */
    @Test
    void the_domain_never_reads_the_clock_itself() {
        SystemClockRule.neverReadBy(that -> that.resideInAnyPackage(DOMAIN).or()
                .belongToAnyOf(DomainRejection.class, SeatQuantities.class)).check(CLASSES);
    }

    @Test
    void the_domain_is_there_to_be_checked() {
        // An import that finds nothing would let the rules above pass vacuously.
        assertThat(CLASSES.stream()
                        .filter(c -> c.getPackageName().startsWith("dev.seatbooking.registration.process")))
                .isNotEmpty();
    }
}
