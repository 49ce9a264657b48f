package dev.seatbooking.launcher;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./mvnw -pl launcher -am spring-boot:run}: starts the whole platform ({@link Platform}), prints where it
 * answers, and stops it on Ctrl-C.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) {
        // Five Spring applications share this JVM's logging: configured once by logback.xml, not re-initialised (and
        // torn down) by each application.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat logs through java.util.logging: into the same console.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        LauncherSettings settings;
        try {
            settings = LauncherSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Platform platform;
        try {
            platform = Platform.start(settings);
        } catch (Exception e) {
            System.err.println("The platform did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        stopOnSignals(platform);
        printReady(platform, System.out);
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM stop the platform in order (gateway, services, Kafka, PostgreSQL) before the JVM's
     * shutdown hooks run: the embedded PostgreSQL's own hook would otherwise stop the database while the services
     * still finish their work. A second Ctrl-C stops at once.
     */
    private static void stopOnSignals(Platform platform) {
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (!stopping.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(130);
            }
            Thread stop = new Thread(() -> {
                System.out.println("Stopping the platform… (Ctrl-C again to stop at once)");
                platform.close();
                System.out.println("Stopped. The data is kept in " + platform.dataDir());
                System.exit(0);
            }, "platform-stop");
            stop.start();
        };
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException unsupported) {
                // not on this platform: the shutdown hook below still stops everything, if less orderly
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop-hook"));
    }

    static void printReady(Platform platform, PrintStream out) {
        String web = platform.gatewayUrl();
        StringBuilder text = new StringBuilder();
        text.append("\n==========================================================================\n");
        text.append(" Conference seat booking is running\n\n");
        text.append(" Web front end          ").append(web).append("/\n");
        if (platform.demo() != null) {
            var demo = platform.demo();
            text.append(" Demo conference        ").append(web).append("/#/conferences/").append(demo.slug()).append('\n');
            text.append(" Its owner              ").append(web).append("/#/admin  email ").append(demo.ownerEmail())
                    .append("  access code ").append(demo.accessCode()).append('\n');
        }
        text.append(" Mailbox (every mail)   ").append(platform.mailboxUrl()).append('\n');
        text.append(" APIs (one origin)      ").append(web).append("/api/{management|registration|payments|read}/...\n");
        for (String name : platform.serviceNames()) {
            String url = platform.serviceUrl(name);
            text.append(String.format(" %-22s %s  (%s/swagger-ui.html, %s/actuator/health)%n", name, url, url, url));
        }
        text.append(" Operations endpoints   user ").append(OpsCredential.USER).append("  password ")
                .append(platform.opsPassword()).append("  (/actuator/prometheus, /api/admin/..., on each service)\n");
        text.append(" PostgreSQL             ").append(platform.jdbcUrl("<database>")).append("  user postgres\n");
        text.append(" Kafka                  ").append(platform.kafkaBootstrapServers()).append('\n');
        text.append(" Data                   ").append(platform.dataDir())
                .append("  (start fresh: stop, delete it, start again)\n\n");
        text.append(" Press Ctrl-C to stop.\n");
        text.append("==========================================================================\n");
        out.print(text);
        out.flush();
    }
}
