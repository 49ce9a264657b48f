package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.OpsCredential;
import dev.seatbooking.launcher.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform as docker-compose.yml describes it, one OS process per compose service, short of Docker: PostgreSQL,
 * the Kafka broker in its own JVM, each service and the gateway with {@code java -jar} on its Spring Boot jar,
 * configured only through the environment compose gives it (see {@link ProcessSpecs} for what differs, and why).
 * Started in compose's dependency order, each group once the groups before it pass their health checks; each
 * process logs to {@code <data>/logs/<service>.log}. A fault can be made in any of them ({@link #kill},
 * {@link #stop}, {@link #stopPostgresImmediately}) and the process started again ({@link #start}) on the same port
 * and data. Unlike compose's {@code restart: unless-stopped}, nothing is started again by itself: whoever makes a
 * fault decides when the process comes back. {@link #close()} stops all gracefully in reverse order.
 */
public final class ProcessPlatform implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String MAILPIT = "mailpit";
    public static final String GATEWAY = "gateway";

    private static final Logger log = LoggerFactory.getLogger(ProcessPlatform.class);

    private final ProcessSettings settings;
    private final Path dataDir;
    private final String opsPassword;
    private final ComposeFile compose;
    private final LocalNetwork network;
    private final ProcessSpecs specs;
    private final Map<String, ManagedProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private PostgresCluster postgres;
    /** The processes outlive the JVM that started them: they are stopped when it exits, however it does. */
    private final Thread stopOnExit = new Thread(this::close, "process-platform-stop-on-exit");
    private boolean closed;

    private ProcessPlatform(ProcessSettings settings) throws Exception {
        this.settings = settings;
        this.dataDir = settings.dataDir().toAbsolutePath();
        if (settings.fresh()) Platform.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        // The secrets compose takes from the operator's shell: as the one-JVM launcher makes them, the ops
        // password kept in the data directory, a new gateway token at every start.
        this.opsPassword = OpsCredential.ensure(dataDir);
        this.compose = ComposeFile.read(settings.projectDir().resolve("docker-compose.yml"),
                Map.of("GATEWAY_TOKEN", Platform.newGatewayToken(), "OPS_PASSWORD", opsPassword));
        this.network = new LocalNetwork(compose.services().keySet());
        compose.services().values().forEach(service -> network.publish(service.name(), service.ports()));
        this.specs = new ProcessSpecs(settings, network, dataDir);
        if (settings.gatewayPort() != 0) {
            network.assign(GATEWAY, Integer.parseInt(compose.service(GATEWAY).environment().get("SERVER_PORT")),
                    settings.gatewayPort());
        }
    }

    /** Starts every process in compose's order and waits for each health check; on failure stops what had started. */
    public static ProcessPlatform start(ProcessSettings settings) throws Exception {
        ProcessPlatform platform = new ProcessPlatform(settings);
        Runtime.getRuntime().addShutdownHook(platform.stopOnExit);
        boolean started = false;
        try {
            platform.startAll();
            started = true;
        } finally {
            if (!started) platform.close();
        }
        return platform;
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        for (ComposeFile.Service service : compose.services().values()) processes.put(service.name(), process(service));
        for (List<ComposeFile.Service> level : compose.startLevels()) {
            List<String> names = level.stream().map(ComposeFile.Service::name).toList();
            log.info("Starting {}", names);
            for (String name : names) processes.get(name).start();
            inParallel(names, this::awaitReady);
        }
        log.info("Platform of {} processes started in {} s (logs in {})", processes.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), dataDir.resolve("logs"));
    }

    private ManagedProcess process(ComposeFile.Service service) throws Exception {
        if (ProcessSpecs.isOurs(service)) return new ManagedProcess(specs.application(service));
        if (service.name().equals(POSTGRES)) {
            postgres = new PostgresCluster(dataDir, specs.log(service), service.environment());
            Files.createDirectories(specs.log(service).getParent());
            List<String> command = postgres.prepare(settings.projectDir().resolve("docker/postgres/init.sql"),
                    network.port(POSTGRES, ProcessSpecs.POSTGRES_PORT));
            return new ManagedProcess(specs.postgres(service, postgres, command));
        }
        if (service.name().equals(KAFKA)) return new ManagedProcess(specs.kafka(service));
        if (service.name().equals(MAILPIT)) return new ManagedProcess(specs.mailCatcher(service));
        throw new IllegalStateException("docker-compose.yml's service " + service.name() + " (" + service.image()
                + ") has no process here");
    }

    // ---- where things answer ----------------------------------------------------------------------------------

    public String gatewayUrl() {
        return url(GATEWAY);
    }

    /** Where one of our services (or the gateway) answers: {@code http://127.0.0.1:<port>}. */
    public String url(String service) {
        return specs.url(compose.service(service));
    }

    /** The compose services, in the order they start. */
    public List<String> names() {
        return List.copyOf(processes.keySet());
    }

    /** Our services (not PostgreSQL, Kafka or the gateway). */
    public List<String> serviceNames() {
        return compose.services().values().stream().filter(ProcessSpecs::isOurs).map(ComposeFile.Service::name)
                .filter(name -> !name.equals(GATEWAY)).toList();
    }

    /** Compose's Mailpit web UI here: the mailbox page of every mail the platform sent. */
    public String mailboxUrl() {
        return "http://" + LocalNetwork.LOOPBACK + ":" + network.port(MAILPIT, ProcessSpecs.MAILPIT_WEB_PORT) + "/";
    }

    public String opsPassword() {
        return opsPassword;
    }

    /** A database of the cluster, for the superuser ({@link #postgresUser()} / {@link #postgresPassword()}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(network.port(POSTGRES, ProcessSpecs.POSTGRES_PORT), database);
    }

    public String postgresUser() {
        return compose.service(POSTGRES).environment().getOrDefault("POSTGRES_USER", "postgres");
    }

    public String postgresPassword() {
        return compose.service(POSTGRES).environment().get("POSTGRES_PASSWORD");
    }

    public String kafkaBootstrapServers() {
        return LocalNetwork.LOOPBACK + ":" + network.port(KAFKA, 9092);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile(String name) {
        return process(name).log();
    }

    public long pid(String name) {
        return process(name).pid();
    }

    public boolean isRunning(String name) {
        return process(name).running();
    }

    /** Whether its compose health check passes now. */
    public boolean isReady(String name) {
        return process(name).ready();
    }

    // ---- faults ---------------------------------------------------------------------------------------------

    /** {@code kill -9} of the process (and of every process it started), as a crash or {@code docker kill}. */
    public void kill(String name) {
        log.info("Killing {} (SIGKILL)", name);
        process(name).kill();
    }

    /** As {@code docker compose stop <name>}: its stop signal, SIGKILL after compose's grace period. */
    public void stop(String name) {
        log.info("Stopping {}", name);
        process(name).stop();
    }

    /** PostgreSQL's immediate shutdown (SIGQUIT, as {@code pg_ctl stop -m immediate}): no checkpoint, recovery at start. */
    public void stopPostgresImmediately() {
        log.info("Stopping PostgreSQL in immediate mode");
        process(POSTGRES).stop("QUIT");
    }

    /** Starts a process that was killed or stopped again, on its port and data, and waits for its health check. */
    public void start(String name) throws Exception {
        log.info("Starting {} again", name);
        process(name).start();
        awaitReady(name);
    }

    /** As {@code docker compose restart <name>}: stopped, then started. */
    public void restart(String name) throws Exception {
        stop(name);
        start(name);
    }

    /**
     * The whole platform killed at once, as a machine that loses power: every process SIGKILLed but the mail catcher,
     * which stands in for the mail provider's server (compose's Mailpit in development): not the platform's machine.
     */
    public void killAll() {
        processes.forEach((name, process) -> {
            if (!name.equals(MAILPIT)) process.kill();
        });
    }

    /**
     * Starts every process that is not running, in compose's order, each group once the groups before it pass their
     * health checks: the platform back on the same data after {@link #killAll()}, as a machine that boots again.
     */
    public void startStopped() throws Exception {
        for (List<ComposeFile.Service> level : compose.startLevels()) {
            List<String> names = level.stream().map(ComposeFile.Service::name).filter(name -> !isRunning(name))
                    .toList();
            if (names.isEmpty()) continue;
            log.info("Starting {} again", names);
            for (String name : names) process(name).start();
            inParallel(names, this::awaitReady);
        }
    }

    // ---- stopping ---------------------------------------------------------------------------------------------

    /** Stops everything gracefully, in the reverse of the start order (the gateway first, PostgreSQL and Kafka last). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        log.info("Stopping every process (the data stays in {})", dataDir);
        List<List<ComposeFile.Service>> levels = new ArrayList<>(compose.startLevels());
        Collections.reverse(levels);
        for (List<ComposeFile.Service> level : levels) {
            List<String> names = level.stream().map(ComposeFile.Service::name).filter(processes::containsKey).toList();
            try {
                inParallel(names, name -> process(name).stop());
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", names, e.toString());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook, running
        }
    }

    private void awaitReady(String name) throws InterruptedException {
        process(name).awaitReady(settings.readyTimeout());
        log.info("{} is ready", name);
    }

    private ManagedProcess process(String name) {
        ManagedProcess process = processes.get(name);
        if (process == null) throw new IllegalArgumentException("No process " + name + "; there are " + names());
        return process;
    }

    private interface Action {
        void on(String name) throws Exception;
    }

    private static void inParallel(List<String> names, Action action) throws Exception {
        if (names.isEmpty()) return;
        try (ExecutorService executor = Executors.newFixedThreadPool(names.size())) {
            List<Future<?>> futures = new ArrayList<>();
            for (String name : names) futures.add(executor.submit(() -> {
                action.on(name);
                return null;
            }));
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw e;
                }
            }
        }
    }
}
