package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.OpsCredential;

import java.nio.file.Path;

/**
 * {@code scripts/run-processes.sh}: the platform as one process per compose service ({@link ProcessPlatform}), run
 * from the project's root; prints where it answers and stops everything on Ctrl-C (SIGINT) or SIGTERM. Options:
 * {@code --fresh} (delete the data first), {@code --data-dir=DIR}, {@code --gateway-port=PORT} (0: any free port).
 */
public final class ProcessPlatformLauncher {

    private ProcessPlatformLauncher() {
    }

    public static void main(String[] args) throws Exception {
        ProcessSettings settings = settings(args);
        ProcessPlatform platform = ProcessPlatform.start(settings);
        printReady(platform);
        // Ctrl-C or SIGTERM ends this JVM, whose shutdown hook stops the processes in order (ProcessPlatform).
        Thread.currentThread().join();
    }

    static ProcessSettings settings(String... args) {
        ProcessSettings settings = ProcessSettings.defaults(Path.of("").toAbsolutePath());
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                settings = settings.withDataDir(settings.dataDir(), true);
            } else if (arg.startsWith("--data-dir=")) {
                settings = settings.withDataDir(Path.of(arg.substring("--data-dir=".length())), settings.fresh());
            } else if (arg.startsWith("--gateway-port=")) {
                settings = settings.withGatewayPort(Integer.parseInt(arg.substring("--gateway-port=".length())));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + "; options: --fresh, --data-dir=DIR, --gateway-port=PORT");
            }
        }
        return settings;
    }

    private static void printReady(ProcessPlatform platform) {
        StringBuilder text = new StringBuilder("\n==========================================================================\n");
        text.append(" Conference seat booking is running, one process per docker-compose service\n\n");
        text.append(" Web front end          ").append(platform.gatewayUrl()).append("/\n");
        text.append(" Mailbox (every mail)   ").append(platform.mailboxUrl()).append('\n');
        for (String name : platform.names()) {
            text.append(String.format(" %-22s pid %-8d log %s%n", name, platform.pid(name), platform.logFile(name)));
        }
        text.append(" Operations endpoints   user ").append(OpsCredential.USER).append("  password ")
                .append(platform.opsPassword()).append("  (/actuator/prometheus, /api/admin/..., on each service)\n");
        text.append(" PostgreSQL             ").append(platform.jdbcUrl("<database>")).append("  user ")
                .append(platform.postgresUser()).append(" (password ").append(platform.postgresPassword()).append(")\n");
        text.append(" Kafka                  ").append(platform.kafkaBootstrapServers()).append('\n');
        text.append(" Data                   ").append(platform.dataDir()).append("  (--fresh starts from nothing)\n\n");
        text.append(" Press Ctrl-C to stop.\n");
        text.append("==========================================================================\n");
        System.out.print(text);
        System.out.flush();
    }
}
