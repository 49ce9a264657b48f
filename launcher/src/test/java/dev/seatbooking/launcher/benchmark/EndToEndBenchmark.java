package dev.seatbooking.launcher.benchmark;

import dev.seatbooking.launcher.ClientLimits;
import dev.seatbooking.launcher.FreePorts;
import dev.seatbooking.launcher.LauncherSettings;
import dev.seatbooking.launcher.Platform;
import dev.seatbooking.launcher.processes.Organiser;
import dev.seatbooking.testinfra.benchmark.BenchmarkMain;
import dev.seatbooking.testinfra.benchmark.CpuTime;
import dev.seatbooking.testinfra.benchmark.ThreadCpu;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark, not a test: starts the one-command platform ({@link Platform}, as
 * {@code ./mvnw -pl launcher -am spring-boot:run} does, with fresh data and free ports), has an owner create and
 * publish one hot conference through the gateway, then places one-seat orders through the gateway at a fixed offered
 * rate and follows each as the web page does ({@link OrderFlows}); every {@code payEvery}-th order is paid through
 * payments' API and the simulated processor. Prints orders/s carried, p50/p99 from the place-order request to (a)
 * reserved, (b) the priced order visible in the read model, (c) confirmed after payment, the CPU per order by thread
 * group ({@link PlatformThreads}) and PostgreSQL's, and the JIT mode.
 * <p>
 * Options ({@code -Dname=value}): {@code rate} (orders/s offered; a comma-separated list measures one phase per rate
 * on the same platform; 0 = capacity: every client sends its next order as soon as the last is answered; default
 * {@code 500,0}), {@code orders} (per phase, 3000), {@code warmup} (orders, 2000), {@code warmupRate} (100),
 * {@code clients} (placing threads, 64), {@code payEvery} (4: one order in four is paid). The gateway's per-client
 * rate limit and cap on requests in progress and the services' access throttles are lifted ({@link ClientLimits}).
 * Run it with {@code launcher/run-e2e-benchmark.sh}.
 */
public final class EndToEndBenchmark {

    private static final int MAX_SEATS_PER_TYPE = 100_000; // conference management's limit for one seat type

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.runAndExit(EndToEndBenchmark::benchmark);
    }

    private static void benchmark() throws Exception {
        // Short phases: the platform carries about 50 orders/s here (README), a 500/s phase's backlog a minute.
        int orders = Integer.getInteger("orders", 3_000);
        int warmup = Integer.getInteger("warmup", 2_000);
        int warmupRate = Integer.getInteger("warmupRate", 100);
        int clients = Integer.getInteger("clients", 64);
        int payEvery = Integer.getInteger("payEvery", 4);
        List<Integer> rates = Arrays.stream(System.getProperty("rate", "500,0").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int seats = warmup + 1 + orders * rates.size();
        if (seats > MAX_SEATS_PER_TYPE) {
            throw new IllegalArgumentException("warmup + orders x phases must stay within " + MAX_SEATS_PER_TYPE);
        }

        // As PlatformLauncher: one logging configuration (logback.xml) for the platform, Tomcat's through it too.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        ClientLimits.liftAll();
        int postgresPort = FreePorts.next();
        // Free ports chosen here, not by Tomcat: its threads' names then tell which application they serve.
        LauncherSettings settings = new LauncherSettings(Path.of("target", "e2e-benchmark-data"), true,
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), postgresPort,
                FreePorts.next(), FreePorts.next(), false);
        log("Java %s; JIT: %s; %d cores; load average %.2f; JVM options %s", Runtime.version(), jitMode(),
                Runtime.getRuntime().availableProcessors(), loadAverage(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (Platform platform = Platform.start(settings);
             ExecutorService httpThreads = Executors.newFixedThreadPool(4,
                     Thread.ofPlatform().name("bench-http-", 0).daemon().factory());
             OrderEvents events = new OrderEvents(platform.kafkaBootstrapServers())) {
            HttpClient http = PlatformThreads.asLoadGenerator(() -> HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).executor(httpThreads).connectTimeout(Duration.ofSeconds(10))
                    .build());
            Organiser organiser = PlatformThreads.asLoadGenerator(() -> new Organiser(platform.gatewayUrl()));
            Organiser.Conference conference = organiser.publishedConference(seats, 240);
            OrderFlows flows = new OrderFlows(new WebPage(platform.gatewayUrl(), http), events, conference, clients,
                    payEvery);

            log("Warm-up: %d orders at %d orders/s ...", warmup, warmupRate);
            flows.run(warmup, warmupRate).printSummary("warm-up");
            PlatformThreads threadGroups = new PlatformThreads(platform);
            for (int rate : rates) {
                TimeUnit.SECONDS.sleep(3); // the last phase's stragglers (relays, projections) settle
                log("Measured: %d orders from %d clients, %s, one in %d paid ...", orders, clients,
                        rate > 0 ? rate + " orders/s offered" : "each client as fast as answered (capacity)", payEvery);
                log("load average before: %.2f", loadAverage());
                CpuTime before = CpuTime.now(postgresPort);
                PostgresTransactions transactionsBefore = transactions(platform);
                TcpOpens opensBefore = TcpOpens.now();
                ThreadCpu threadCpu = new ThreadCpu(threadGroups.grouping());
                OrderFlows.Result result = flows.run(orders, rate);
                CpuTime used = CpuTime.now(postgresPort).minus(before);
                result.print(rate);
                printCpu(used, result.seconds(), orders);
                transactions(platform).minus(transactionsBefore).print(orders);
                TcpOpens.now().minus(opensBefore).print(orders);
                PlatformThreads.print(threadCpu.used(), orders);
                log("load average after: %.2f; JIT: %s", loadAverage(), jitMode());
                result.printRow(rate, (used.jvmSeconds() + used.postgresSeconds()) * 1000 / orders, jitMode());
            }
            if (Boolean.getBoolean("listThreads")) threadGroups.list();
        }
    }

    private static PostgresTransactions transactions(Platform platform) throws java.sql.SQLException {
        return PostgresTransactions.now(platform.jdbcUrl("postgres"), "postgres", "postgres");
    }

    private static void printCpu(CpuTime used, double seconds, int orders) {
        double total = used.jvmSeconds() + used.postgresSeconds();
        System.out.printf("CPU used                   JVM (platform + Kafka + load generator) %.1f s, PostgreSQL %.1f s"
                        + " = %.2f of %d cores over the run;%n", used.jvmSeconds(), used.postgresSeconds(),
                total / seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("                           %.1f ms CPU per order (JVM %.1f, PostgreSQL %.1f)%n",
                total * 1000 / orders, used.jvmSeconds() * 1000 / orders, used.postgresSeconds() * 1000 / orders);
    }

    /** Which compilers run, from the JVM's options. */
    static String jitMode() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (options.contains("-XX:TieredStopAtLevel=1")) return "C1 only (-XX:TieredStopAtLevel=1, as spring-boot:run)";
        if (options.contains("-XX:-TieredCompilation")) return "C2 only (-XX:-TieredCompilation)";
        return "tiered C1+C2 (the JVM's default)";
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void log(String format, Object... args) {
        System.out.printf("[e2e-benchmark] " + format + "%n", args);
    }
}
