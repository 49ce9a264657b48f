package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.PlatformStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as docker-compose.yml runs it, one OS process per compose service, each service from its Spring Boot
 * jar (built by the reactor's package phase before this module's tests) configured by compose's environment alone
 * (and {@link FaultSuite#environment()}), and the fault suite on it. In the build (CI) its core: a small burst for each of registration
 * and payments killed with SIGKILL, PostgreSQL stopped in immediate mode and the broker stopped for a few seconds.
 * With {@code -Dfaults.full=true} (what {@code scripts/run-fault-suite.sh} runs) the whole suite: a larger burst for
 * each service and the gateway killed, the broker away {@code -Dfaults.broker-outage-seconds} (30), PostgreSQL, and
 * the whole platform killed. Either way the table is written to {@code target/fault-suite.md}.
 * <p>
 * Runs beside the module's other tests (its own processes, ports and data): it ends waiting out its last bursts' hold.
 * They slow it down (the recoveries took about twice as long in a run beside them), not the other way round: the
 * limits it waits within are minutes. Its start waits its turn among the module's platform starts ({@link
 * PlatformStarts}): beside two others, a service once missed its 3-minute health-check limit.
 */
@Execution(ExecutionMode.CONCURRENT)
class FaultSuiteTest {

    /** Every JVM small and quick to start: the machine running the tests is small, and speed is not measured here. */
    static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");
    private static final boolean FULL = Boolean.getBoolean("faults.full");

    @Test
    void no_order_is_lost_stuck_oversold_or_confirmed_twice_whatever_fault_strikes_during_a_burst() throws Exception {
        ProcessSettings settings = ProcessSettings.defaults(Path.of("..").toAbsolutePath().normalize())
                .withDataDir(Path.of("target", "fault-suite-data").toAbsolutePath(), true)
                .withGatewayPort(0)
                .withJvmOptions(TEST_JVM_OPTIONS)
                .withEnvironmentOverrides(FaultSuite.environment());
        List<FaultReport> reports;
        try (ProcessPlatform platform = PlatformStarts.oneAtATime(() -> ProcessPlatform.start(settings));
             FaultSuite suite = new FaultSuite(platform, FULL ? full() : core())) {
            assertThat(platform.names()).containsExactlyInAnyOrder("postgres", "kafka", "conference-management",
                    "registration", "payments", "read-model", "notifications", "mailpit", "gateway");
            assertThat(platform.names().stream().map(platform::pid).distinct()).hasSize(platform.names().size());
            reports = suite.run();
        }
        String table = FaultReport.markdown(reports);
        Files.writeString(Path.of("target", "fault-suite.md"), table);
        System.out.println(table);

        assertThat(reports).as(table).allMatch(FaultReport::clean);
    }

    private static FaultSuite.Settings core() {
        return new FaultSuite.Settings(3, 8, 16, 2, List.of(
                new Fault.Killed("registration"),
                new Fault.Killed("payments"),
                Fault.DependencyStopped.postgresImmediately(),
                Fault.DependencyStopped.broker(Duration.ofSeconds(5))));
    }

    private static FaultSuite.Settings full() {
        Duration brokerOutage = Duration.ofSeconds(Long.getLong("faults.broker-outage-seconds", 30));
        return new FaultSuite.Settings(6, 25, 100, 2, List.of(
                new Fault.Killed("registration"),
                new Fault.Killed("payments"),
                new Fault.Killed("read-model"),
                new Fault.Killed("conference-management"),
                new Fault.Killed("notifications"),
                new Fault.Killed(ProcessPlatform.GATEWAY),
                Fault.DependencyStopped.broker(brokerOutage),
                Fault.DependencyStopped.postgresImmediately(),
                new Fault.PlatformKilled()));
    }
}
