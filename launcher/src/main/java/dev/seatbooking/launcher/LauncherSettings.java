package dev.seatbooking.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How the platform is started. Every value has a default; on the command line {@code --name=value} (e.g.
 * {@code --data-dir=/tmp/seats --gateway-port=9080}), {@code --fresh} to start from empty data.
 *
 * @param dataDir        where PostgreSQL's and Kafka's data live, kept across restarts
 * @param fresh          delete the data directory first
 * @param gatewayPort    the web front end and {@code /api/...}; 0 = any free port (tests)
 * @param managementPort conference-management-service; 0 = any free port
 * @param registrationPort registration-service
 * @param paymentsPort   payments-service
 * @param readModelPort  read-model-service
 * @param postgresPort   the embedded PostgreSQL
 * @param kafkaPort      the Kafka broker's client listener
 * @param controllerPort the KRaft controller's listener
 * @param demo           create and publish the demo conference on first start
 * @param notificationsPort notifications-service; 0 = any free port
 * @param mailboxPort    the web mailbox of the embedded SMTP server (every mail the platform sends); 0 = any free port
 */
public record LauncherSettings(Path dataDir, boolean fresh, int gatewayPort, int managementPort, int registrationPort,
                               int paymentsPort, int readModelPort, int postgresPort, int kafkaPort,
                               int controllerPort, boolean demo, int notificationsPort, int mailboxPort) {

    /** Without the notifications' ports: any free ones (tests). */
    public LauncherSettings(Path dataDir, boolean fresh, int gatewayPort, int managementPort, int registrationPort,
                            int paymentsPort, int readModelPort, int postgresPort, int kafkaPort, int controllerPort,
                            boolean demo) {
        this(dataDir, fresh, gatewayPort, managementPort, registrationPort, paymentsPort, readModelPort, postgresPort,
                kafkaPort, controllerPort, demo, 0, 0);
    }

    public static final Path DEFAULT_DATA_DIR = Path.of(".platform-data");

    public static LauncherSettings defaults() {
        return new LauncherSettings(DEFAULT_DATA_DIR, false, 8080, 8081, 8082, 8083, 8084, 15432, 19092, 19093, true, 8085, 8025);
    }

    /** Settings for a test: the given data directory, every port free. */
    public static LauncherSettings forTest(Path dataDir) {
        return new LauncherSettings(dataDir, false, 0, 0, 0, 0, 0, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), true);
    }

    public static LauncherSettings fromArgs(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) throw new IllegalArgumentException("Unknown argument " + arg + "; " + USAGE);
            int eq = arg.indexOf('=');
            given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        LauncherSettings d = defaults();
        LauncherSettings settings = new LauncherSettings(
                Path.of(given.getOrDefault("data-dir", d.dataDir().toString())),
                Boolean.parseBoolean(given.getOrDefault("fresh", "false")),
                port(given, "gateway-port", d.gatewayPort()),
                port(given, "management-port", d.managementPort()),
                port(given, "registration-port", d.registrationPort()),
                port(given, "payments-port", d.paymentsPort()),
                port(given, "read-model-port", d.readModelPort()),
                port(given, "postgres-port", d.postgresPort()),
                port(given, "kafka-port", d.kafkaPort()),
                port(given, "controller-port", d.controllerPort()),
                Boolean.parseBoolean(given.getOrDefault("demo", "true")),
                port(given, "notifications-port", d.notificationsPort()),
                port(given, "mailbox-port", d.mailboxPort()));
        given.keySet().removeAll(java.util.Set.of("data-dir", "fresh", "gateway-port", "management-port",
                "registration-port", "payments-port", "read-model-port", "postgres-port", "kafka-port",
                "controller-port", "demo", "notifications-port", "mailbox-port"));
        if (!given.isEmpty()) throw new IllegalArgumentException("Unknown option(s) " + given.keySet() + "; " + USAGE);
        return settings;
    }

    static final String USAGE = "options: --data-dir=DIR (default .platform-data), --fresh (delete the data first),"
            + " --demo=false, --gateway-port=8080, --management-port=8081, --registration-port=8082,"
            + " --payments-port=8083, --read-model-port=8084, --postgres-port=15432, --kafka-port=19092,"
            + " --controller-port=19093, --notifications-port=8085, --mailbox-port=8025";

    private static int port(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) return fallback;
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, not " + value);
        }
    }
}
