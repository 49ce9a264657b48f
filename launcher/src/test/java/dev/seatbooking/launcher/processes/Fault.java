package dev.seatbooking.launcher.processes;

import java.time.Duration;
import java.util.List;

/**
 * A fault the suite makes in the running platform, and how the platform is brought back: the process started again
 * on its port and data, as compose's {@code restart: unless-stopped} or an operator would.
 */
sealed interface Fault {

    /** How it is named in the report. */
    String name();

    void inject(ProcessPlatform platform);

    /** How long the dependency stays away once every probe below says DOWN. */
    default Duration outage() {
        return Duration.ZERO;
    }

    /** Whose readiness must say DOWN (or not answer) while it lasts. */
    List<String> downWhileAway(PlatformProbe probe);

    void recover(ProcessPlatform platform) throws Exception;

    /** {@code kill -9} of one service (or the gateway), then started again. */
    record Killed(String service) implements Fault {
        public String name() {
            return "kill -9 " + service;
        }

        public void inject(ProcessPlatform platform) {
            long pid = platform.pid(service);
            platform.kill(service);
            if (platform.isRunning(service) || ProcessHandle.of(pid).isPresent()) {
                throw new AssertionError(service + " (pid " + pid + ") still runs after kill -9");
            }
        }

        public List<String> downWhileAway(PlatformProbe probe) {
            return List.of(service);
        }

        public void recover(ProcessPlatform platform) throws Exception {
            platform.start(service);
        }
    }

    /**
     * A dependency every service needs taken away for {@code outage}, then started again: the Kafka broker stopped
     * as compose stops it, or PostgreSQL shut down in immediate mode (no checkpoint: crash recovery at start).
     * Every service's readiness includes both; the gateway's neither.
     */
    record DependencyStopped(String process, Duration outage) implements Fault {

        static DependencyStopped broker(Duration outage) {
            return new DependencyStopped(ProcessPlatform.KAFKA, outage);
        }

        static DependencyStopped postgresImmediately() {
            return new DependencyStopped(ProcessPlatform.POSTGRES, Duration.ZERO);
        }

        public String name() {
            return process.equals(ProcessPlatform.POSTGRES) ? "PostgreSQL immediate stop"
                    : "Kafka broker stopped " + outage.toSeconds() + " s";
        }

        public void inject(ProcessPlatform platform) {
            if (process.equals(ProcessPlatform.POSTGRES)) {
                platform.stopPostgresImmediately();
            } else {
                platform.stop(process);
            }
        }

        public List<String> downWhileAway(PlatformProbe probe) {
            return probe.probed().stream().filter(name -> !name.equals(ProcessPlatform.GATEWAY)).toList();
        }

        public void recover(ProcessPlatform platform) throws Exception {
            platform.start(process);
        }
    }

    /** Every process SIGKILLed at once, then the platform started again on the same data. */
    record PlatformKilled() implements Fault {
        public String name() {
            return "whole platform killed";
        }

        public void inject(ProcessPlatform platform) {
            platform.killAll();
        }

        public List<String> downWhileAway(PlatformProbe probe) {
            return probe.probed();
        }

        public void recover(ProcessPlatform platform) throws Exception {
            platform.startStopped();
        }
    }
}
