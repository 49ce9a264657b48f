package dev.seatbooking.payments.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.seatbooking.testinfra.architecture.SystemClockRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.seatbooking.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_knows_no_spring_kafka_or_jdbc = noClasses()
            .that().resideInAPackage("dev.seatbooking.payments.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                    "dev.seatbooking.eventsourcing.store..", "dev.seatbooking.eventsourcing.spring..",
                    "dev.seatbooking.payments.api..", "dev.seatbooking.payments.handling..",
                    "dev.seatbooking.payments.orders..", "dev.seatbooking.payments.processor..",
                    "dev.seatbooking.payments.messaging..");

    /** Time is a parameter of the domain's decisions, so tests choose it. */
    @ArchTest
    static final ArchRule the_domain_never_reads_the_system_clock =
            SystemClockRule.neverReadIn("dev.seatbooking.payments.domain..");

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_circles = slices()
            .matching("dev.seatbooking.payments.(*)..").should().beFreeOfCycles();
}
