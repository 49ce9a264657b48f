package dev.seatbooking.launcher.processes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How each compose service runs as a process here. The environment is compose's, changed only where this machine
 * is not the compose network, each change said where it is made: host names and ports (see {@link LocalNetwork}),
 * Kafka's log directory, and the address the unpublished services listen on.
 */
final class ProcessSpecs {

    /** The postgres image's port (compose's services reach it as postgres:5432). */
    static final int POSTGRES_PORT = 5432;
    /** Mailpit's SMTP and web ports. */
    static final int MAILPIT_SMTP_PORT = 1025;
    static final int MAILPIT_WEB_PORT = 8025;
    private static final String OUR_IMAGES = "seatbooking/";
    private static final Pattern HEALTH_PORT = Pattern.compile("(?:/dev/tcp/localhost/|localhost:)(\\d+)");
    private static final Pattern HEALTH_PATH = Pattern.compile("GET (\\S+) HTTP");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ProcessSettings settings;
    private final LocalNetwork network;
    private final Path dataDir;

    ProcessSpecs(ProcessSettings settings, LocalNetwork network, Path dataDir) {
        this.settings = settings;
        this.network = network;
        this.dataDir = dataDir;
    }

    ManagedProcess.Spec postgres(ComposeFile.Service service, PostgresCluster cluster, List<String> command) {
        return new ManagedProcess.Spec(service.name(), command, baseEnvironment(), dataDir, log(service),
                cluster.readiness(network.port(service.name(), POSTGRES_PORT)),
                // the postgres image's STOPSIGNAL: a fast shutdown
                "INT", service.stopGracePeriod());
    }

    ManagedProcess.Spec kafka(ComposeFile.Service service) {
        Map<String, String> environment = baseEnvironment();
        environment.putAll(rewritten(service));
        // The image's volume is mounted at KAFKA_LOG_DIRS; here it is a directory of the data directory.
        environment.put("KAFKA_LOG_DIRS", dataDir.resolve("kafka").toString());
        // The image's heap (KAFKA_HEAP_OPTS' default); this JVM's own class path, which has Kafka's server.
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", absoluteClassPath(),
                KafkaBroker.class.getName()));
        int port = network.port(service.name(), healthPort(service));
        return new ManagedProcess.Spec(service.name(), command, environment, dataDir, log(service),
                kafkaReadiness(LocalNetwork.LOOPBACK + ":" + port), "TERM", service.stopGracePeriod());
    }

    /**
     * Compose's Mailpit: the launcher's mailbox in a JVM of its own, its SMTP port (1025) and web page (8025) each a
     * port of this machine; ready once SMTP answers. Mailpit's own health check runs its binary, which is not here.
     */
    ManagedProcess.Spec mailCatcher(ComposeFile.Service service) {
        int smtp = network.port(service.name(), MAILPIT_SMTP_PORT);
        int page = network.port(service.name(), MAILPIT_WEB_PORT);
        List<String> command = List.of(java(), "-Xmx128m", "-cp", absoluteClassPath(), MailCatcher.class.getName(),
                Integer.toString(smtp), Integer.toString(page));
        return new ManagedProcess.Spec(service.name(), command, baseEnvironment(), dataDir, log(service),
                () -> listening(LocalNetwork.LOOPBACK + ":" + smtp), "TERM", service.stopGracePeriod());
    }

    /** One of ours: {@code seatbooking/<module>:<version>} runs {@code <module>/target/<module>-<version>-exec.jar}. */
    ManagedProcess.Spec application(ComposeFile.Service service) {
        Path jar = jar(service.image());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + " for compose service " + service.name()
                    + ": build the jars first (./mvnw -DskipTests package -pl launcher -am)");
        }
        Map<String, String> environment = baseEnvironment();
        environment.putAll(rewritten(service));
        // In compose only the gateway's port is published; the others are reached on the compose network alone,
        // which is this machine's loopback interface here.
        if (!service.published()) environment.put("SERVER_ADDRESS", LocalNetwork.LOOPBACK);
        environment.putAll(settings.environmentOverrides().getOrDefault(service.name(), Map.of()));
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        return new ManagedProcess.Spec(service.name(), command, environment, dataDir, log(service),
                httpReadiness(url(service) + healthPath(service)), "TERM", service.stopGracePeriod());
    }

    static boolean isOurs(ComposeFile.Service service) {
        return service.image().startsWith(OUR_IMAGES);
    }

    Path jar(String image) {
        String moduleAndVersion = image.substring(OUR_IMAGES.length());
        String module = moduleAndVersion.substring(0, moduleAndVersion.indexOf(':'));
        String version = moduleAndVersion.substring(moduleAndVersion.indexOf(':') + 1);
        return settings.projectDir().toAbsolutePath().resolve(module).resolve("target")
                .resolve(module + "-" + version + "-exec.jar");
    }

    /** Where one of ours answers HTTP on this machine. */
    String url(ComposeFile.Service service) {
        int composePort = Integer.parseInt(service.environment().get("SERVER_PORT"));
        return "http://" + LocalNetwork.LOOPBACK + ":" + network.port(service.name(), composePort);
    }

    Path log(ComposeFile.Service service) {
        return dataDir.resolve("logs").resolve(service.name() + ".log");
    }

    /** Compose's environment of {@code service} as it is here (package-private: tested). */
    Map<String, String> rewritten(ComposeFile.Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.environment().forEach((name, value) -> environment.put(name, name.equals("SERVER_PORT")
                ? Integer.toString(network.port(service.name(), Integer.parseInt(value)))
                : network.rewrite(service.name(), value)));
        // A host and its port in two variables (SPRING_MAIL_HOST: mailpit, SPRING_MAIL_PORT: 1025): the same change
        service.environment().forEach((name, value) -> {
            String port = name.endsWith("_HOST") ? name.substring(0, name.length() - 4) + "PORT" : null;
            if (port != null && service.environment().containsKey(port) && network.isService(value)) {
                environment.put(name, LocalNetwork.LOOPBACK);
                environment.put(port, Integer.toString(network.port(value,
                        Integer.parseInt(service.environment().get(port)))));
            }
        });
        return environment;
    }

    /**
     * What a container has besides compose's variables: a PATH and a HOME. Nothing else of the caller's shell (a
     * SPRING_PROFILES_ACTIVE there, say) reaches the processes.
     */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "TMPDIR")) {
            String value = System.getenv(name);
            if (value != null) environment.put(name, value);
        }
        return environment;
    }

    /** The supervisor's class path, each entry absolute: the broker runs in the data directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int healthPort(ComposeFile.Service service) {
        Matcher port = HEALTH_PORT.matcher(service.healthcheck());
        if (!port.find()) throw new IllegalStateException(service.name() + "'s health check names no local port");
        return Integer.parseInt(port.group(1));
    }

    private static String healthPath(ComposeFile.Service service) {
        Matcher path = HEALTH_PATH.matcher(service.healthcheck());
        if (!path.find()) throw new IllegalStateException(service.name() + "'s health check sends no GET");
        return path.group(1);
    }

    /** As compose's health check of our services: the answer says "UP". */
    private static ManagedProcess.Readiness httpReadiness(String url) {
        return () -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        };
    }

    /** As compose's (kafka-broker-api-versions): the broker answers a client; no client is made before it listens. */
    private static ManagedProcess.Readiness kafkaReadiness(String bootstrap) {
        return () -> {
            if (!listening(bootstrap)) return false;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        };
    }

    private static boolean listening(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
