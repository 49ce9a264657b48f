package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.ClientLimits;
import dev.seatbooking.launcher.FreePorts;
import dev.seatbooking.launcher.PlatformLauncher;
import dev.seatbooking.launcher.PlatformStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one-command platform (everything in one JVM, as {@code ./mvnw -pl launcher -am spring-boot:run} runs it) killed
 * with SIGKILL in the middle of a burst of orders with payments — the JVM and the PostgreSQL it started, as a crash
 * of the machine would (a SIGKILL of the JVM alone leaves its PostgreSQL running, and the next start uses it) — then
 * started again with the same command on the same data (PostgreSQL recovers from its WAL): the clients, sending again every request whose answer did not come, get every order placed once; no seat is
 * held or sold twice, no order confirmed twice, every paid order confirmed, and once the holds are over none is stuck.
 * <p>
 * Runs beside the module's other tests (its own JVM, ports and data): half of it is waiting out the reservation hold.
 */
@Execution(ExecutionMode.CONCURRENT)
class LauncherKilledTest {

    private static final int SEATS = 16;
    private static final Duration BUFFER = Duration.ofSeconds(10);
    private static final String DB_USER = "postgres";
    private static final String DB_PASSWORD = "postgres";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_platform_killed_in_a_burst_and_started_again_loses_no_order_and_sells_no_seat_twice() throws Exception {
        Path data = Path.of("target", "launcher-killed-data").toAbsolutePath();
        Launcher launcher = new Launcher(data);
        launcher.start(true);
        try {
            Organiser.Conference conference = new Organiser(launcher.gatewayUrl()).publishedConference(SEATS, 1);
            OrderTraffic traffic = OrderTraffic.start(launcher.gatewayUrl(), conference, 3, 8, 2);
            await().atMost(Duration.ofMinutes(2)).until(() -> traffic.accepted() >= 6);

            launcher.kill();
            launcher.start(false);

            OrderTraffic.Outcome outcome = traffic.finish(Duration.ofMinutes(6));
            assertThat(outcome.accepted()).hasSizeGreaterThan(6);
            Duration hold = Duration.ofMinutes(1).plus(BUFFER);
            await().atMost(hold.plusMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> launcher.ledger(conference).nonFinal() == 0);
            OrderLedger ledger = launcher.ledger(conference);
            assertThat(ledger.lost(outcome.accepted())).as("orders accepted and lost").isZero();
            assertThat(ledger.oversold(conference.seatTypeId(), SEATS)).as("seats held or sold twice").isZero();
            assertThat(ledger.doubleConfirmed()).as("orders confirmed twice").isZero();
            assertThat(ledger.paidNotConfirmed(outcome.paid())).as("paid and neither confirmed nor expired").isZero();
            assertThat(ledger.stuck(hold, Instant.now())).isZero();
        } finally {
            launcher.kill();
        }
    }

    /** The launcher's main class in a JVM of its own, on fixed ports and one data directory across starts. */
    private final class Launcher {
        private final Path data;
        private final List<String> ports = new ArrayList<>();
        private final int gatewayPort = FreePorts.next();
        private final int postgresPort = FreePorts.next();
        private Process process;

        Launcher(Path data) {
            this.data = data;
            ports.addAll(List.of("--gateway-port=" + gatewayPort, "--management-port=" + FreePorts.next(),
                    "--registration-port=" + FreePorts.next(), "--payments-port=" + FreePorts.next(),
                    "--read-model-port=" + FreePorts.next(), "--postgres-port=" + postgresPort,
                    "--kafka-port=" + FreePorts.next(), "--controller-port=" + FreePorts.next()));
        }

        String gatewayUrl() {
            return "http://localhost:" + gatewayPort;
        }

        /**
         * The command users run, with its options; waits until every route of the gateway answers (its turn among
         * the starts of the module's tests).
         */
        void start(boolean fresh) throws Exception {
            PlatformStarts.oneAtATime(() -> startNow(fresh));
        }

        private Void startNow(boolean fresh) throws Exception {
            Files.createDirectories(data.getParent());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1",
                    "-Dregistration.expiration-buffer=" + BUFFER.toSeconds() + "s"));
            // One client address for the whole burst: the limits meant for one browser are raised.
            ClientLimits.all().forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-cp", classPath(), PlatformLauncher.class.getName(), "--data-dir=" + data,
                    "--demo=false"));
            command.addAll(ports);
            if (fresh) command.add("--fresh");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling("launcher-killed.log").toFile()))
                    .start();
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .failFast("the launcher exited; see target/launcher-killed.log", () -> !process.isAlive())
                    .until(() -> Stream.of("/api/read/conferences", "/api/registration/orders/limits",
                            "/api/management/conferences/limits").allMatch(this::answers));
            return null;
        }

        /**
         * SIGKILL of the JVM, of what it started and of its PostgreSQL (which pg_ctl detached from the JVM: found by
         * its data directory's postmaster.pid): no shutdown hook runs, nothing is stopped in order.
         */
        void kill() throws Exception {
            if (process == null) return;
            List<ProcessHandle> all = new ArrayList<>(Stream.concat(Stream.of(process.toHandle()),
                    process.descendants()).toList());
            Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip())).ifPresent(postmaster -> {
                    all.add(postmaster);
                    all.addAll(postmaster.descendants().toList());
                });
            }
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(handle -> handle.onExit().join());
        }

        OrderLedger ledger(Organiser.Conference conference) throws Exception {
            return OrderLedger.read("jdbc:postgresql://localhost:" + postgresPort + "/registration", DB_USER,
                    DB_PASSWORD, conference.id());
        }

        private boolean answers(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** Surefire's test class path (its own JVM's is a manifest-only jar): the launcher and every module it runs. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
