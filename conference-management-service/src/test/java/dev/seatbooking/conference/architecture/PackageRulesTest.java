package dev.seatbooking.conference.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.seatbooking.testinfra.architecture.SystemClockRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape building-a-service.md asks for: a domain package without Spring, Kafka or JDBC, and without the system
 * clock; no cycles.
 */
@AnalyzeClasses(packages = "dev.seatbooking.conference", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    static final String DOMAIN = "dev.seatbooking.conference.domain..";
    static final String PROMOTION = "dev.seatbooking.conference.promotion..";

    /** The conference's and its promotional codes' rules: plain Java plus JPA's mapping annotations. */
    @ArchTest
    static final ArchRule the_domain_knows_no_framework = noClasses()
            .that().resideInAnyPackage(DOMAIN, PROMOTION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                    "dev.seatbooking.eventsourcing..", "org.hibernate..");

    /** Time is a parameter of the domain (administration passes its Clock's instant), so tests choose it. */
    @ArchTest
    static final ArchRule the_domain_never_reads_the_system_clock = SystemClockRule.neverReadIn(DOMAIN);

    @ArchTest
    static final ArchRule the_codes_never_read_the_system_clock = SystemClockRule.neverReadIn(PROMOTION);

    @ArchTest
    static final ArchRule features_have_no_cycles = slices()
            .matching("dev.seatbooking.conference.(*)..")
            .should().beFreeOfCycles();

    /** Only the API speaks HTTP. */
    @ArchTest
    static final ArchRule only_the_api_and_access_know_the_web = noClasses()
            .that().resideInAnyPackage("dev.seatbooking.conference.domain..", PROMOTION,
                    "dev.seatbooking.conference.administration..", "dev.seatbooking.conference.orders..",
                    "dev.seatbooking.conference.waitlist..", "dev.seatbooking.conference.dashboard..",
                    "dev.seatbooking.conference.exports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
