package dev.seatbooking.launcher.processes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the multi-process platform is started.
 *
 * @param projectDir   the project's root: docker-compose.yml, docker/postgres/init.sql and each module's target/
 * @param dataDir      PostgreSQL's and Kafka's data, the ops password and every process's log ({@code logs/})
 * @param fresh        delete the data directory first
 * @param gatewayPort  the gateway's port on this machine; 0 = any free port
 * @param jvmOptions   options of every service's and the gateway's JVM (the images' {@code -XX:MaxRAMPercentage=75}
 *                     is of a container's memory: six JVMs on one machine get a fixed heap instead)
 * @param readyTimeout how long a process may take to pass its health check
 * @param environmentOverrides per compose service, variables set beyond compose's (none by default: only a test that
 *                     must change a setting, say the gateway's rate limit for a burst from one address, gives some)
 */
public record ProcessSettings(Path projectDir, Path dataDir, boolean fresh, int gatewayPort, List<String> jvmOptions,
                              Duration readyTimeout, Map<String, Map<String, String>> environmentOverrides) {

    public static final Path DEFAULT_DATA_DIR = Path.of(".platform-processes-data");
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m");

    public ProcessSettings {
        jvmOptions = List.copyOf(jvmOptions);
        environmentOverrides = Map.copyOf(environmentOverrides);
    }

    /** As a user runs it: the data kept in {@code .platform-processes-data}, the gateway on 8080 as in compose. */
    public static ProcessSettings defaults(Path projectDir) {
        return new ProcessSettings(projectDir, projectDir.resolve(DEFAULT_DATA_DIR), false, 8080, DEFAULT_JVM_OPTIONS,
                Duration.ofMinutes(3), Map.of());
    }

    public ProcessSettings withDataDir(Path dataDir, boolean fresh) {
        return new ProcessSettings(projectDir, dataDir, fresh, gatewayPort, jvmOptions, readyTimeout,
                environmentOverrides);
    }

    public ProcessSettings withGatewayPort(int port) {
        return new ProcessSettings(projectDir, dataDir, fresh, port, jvmOptions, readyTimeout, environmentOverrides);
    }

    public ProcessSettings withJvmOptions(List<String> options) {
        return new ProcessSettings(projectDir, dataDir, fresh, gatewayPort, options, readyTimeout, environmentOverrides);
    }

    public ProcessSettings withEnvironmentOverrides(Map<String, Map<String, String>> overrides) {
        return new ProcessSettings(projectDir, dataDir, fresh, gatewayPort, jvmOptions, readyTimeout, overrides);
    }
}
