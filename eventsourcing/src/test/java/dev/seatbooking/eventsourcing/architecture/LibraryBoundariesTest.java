package dev.seatbooking.eventsourcing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The library stays domain-free, its store knows nothing of Kafka, and its jar ships no test support. */
class LibraryBoundariesTest {

    private final JavaClasses library = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.seatbooking.eventsourcing");

    @Test
    void no_class_knows_a_bounded_context() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.seatbooking.contracts.registration..",
                        "dev.seatbooking.contracts.conference..",
                        "dev.seatbooking.contracts.payments..")
                .check(library);
    }

    @Test
    void only_the_contracts_adapter_and_the_spring_wiring_know_the_contracts() {
        noClasses().that().resideOutsideOfPackages("dev.seatbooking.eventsourcing.contracts..",
                        "dev.seatbooking.eventsourcing.spring..")
                .should().dependOnClassesThat().resideInAPackage("dev.seatbooking.contracts..")
                .check(library);
    }

    @Test
    void the_event_store_and_aggregates_know_nothing_of_kafka() {
        noClasses().that().resideInAnyPackage("dev.seatbooking.eventsourcing.store..",
                        "dev.seatbooking.eventsourcing.aggregate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(library);
    }

    @Test
    void the_aggregate_fixture_lives_in_eventsourcing_testing_not_in_the_library() {
        noClasses().should().resideInAPackage("dev.seatbooking.eventsourcing.testing..").check(library);
    }
}
