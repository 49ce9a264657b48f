package dev.seatbooking.launcher.processes;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as docker-compose.yml runs it, one OS process per compose service, each service from its Spring Boot
 * jar (built by the reactor's package phase before this module's tests) configured by compose's environment alone:
 * an order is placed, paid and confirmed through the gateway; registration is killed with SIGKILL and started
 * again, and the next order goes the same way.
 */
class ProcessPlatformTest {

    /** Every JVM small and quick to start: the machine running the tests is small, and speed is not measured here. */
    static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    @Test
    void an_order_is_confirmed_through_separate_processes_and_again_after_registration_is_killed_and_restarted()
            throws Exception {
        ProcessSettings settings = ProcessSettings.defaults(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Path.of("target", "process-platform-data").toAbsolutePath(), true)
                .withGatewayPort(0)
                .withJvmOptions(TEST_JVM_OPTIONS);
        try (ProcessPlatform platform = ProcessPlatform.start(settings)) {
            assertThat(platform.names()).containsExactlyInAnyOrder("postgres", "kafka", "conference-management",
                    "registration", "payments", "read-model", "gateway");
            assertThat(platform.names().stream().map(platform::pid).distinct()).hasSize(platform.names().size());

            Registrant registrant = new Registrant(platform.gatewayUrl());
            Registrant.Conference conference = registrant.publishedConference(10);
            registrant.payAndAwaitConfirmation(registrant.placeOrder(conference, 2));

            long killed = platform.pid("registration");
            platform.kill("registration");
            assertThat(platform.isRunning("registration")).isFalse();
            assertThat(ProcessHandle.of(killed)).isEmpty();
            platform.start("registration");
            assertThat(platform.pid("registration")).isNotEqualTo(killed);

            registrant.payAndAwaitConfirmation(registrant.placeOrder(conference, 3));
        }
    }
}
