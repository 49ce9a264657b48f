package dev.seatbooking.launcher.benchmark;

import dev.seatbooking.launcher.Platform;
import dev.seatbooking.testinfra.benchmark.ThreadCpu;

import java.net.URI;
import java.util.HashMap;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of the one-JVM platform a thread works for, so that its CPU can be told apart: each service's and the
 * gateway's threads are those whose context class loader is that application's (the launcher starts each in its own,
 * named after it, and the threads it makes inherit it), Tomcat's by their port; the load generator's are named
 * {@code bench-}, inherit its marker class loader or were started while it made its HTTP client ({@link
 * #asLoadGenerator}: the JDK client's selector thread inherits no context class loader); the Kafka broker's by
 * their names.
 * Virtual threads run on the JVM's shared carriers: the requests of the services with
 * {@code spring.threads.virtual.enabled} (registration, read model) count there, together.
 */
final class PlatformThreads {

    static final String LOAD_GENERATOR = "load generator";
    static final String CARRIERS = "virtual-thread carriers (registration's and read model's requests)";
    static final String BROKER = "Kafka broker";
    static final String OTHER = "other (launcher, JVM-wide pools, Tomcat's utility threads)";
    private static final Pattern KAFKA_BROKER = Pattern.compile("(data-plane-|kafka-|broker-|controller-"
            + "|group-coordinator|ExpirationReaper|executor-|raft|quorum|LogDirFailureHandler|TxnMarkerSender"
            + "|AddPartitionsToTxn|PersisterStateManager|SensorExpiryThread|client-metrics-reaper|share-"
            + "|ReplicaFetcher|LogCleaner"
            + "|kafka-log-cleaner|metadata-|feature-|transaction-|log-).*");
    /** The context class loader of the load generator's own set-up: the threads it starts inherit it. */
    private static final ClassLoader LOAD_GENERATOR_LOADER =
            new ClassLoader(LOAD_GENERATOR, PlatformThreads.class.getClassLoader()) {
            };
    static final String JVM = "JVM (JIT compilers, GC)";
    private static final Pattern TOMCAT = Pattern.compile("http-nio-(?:.*-)?(\\d+)-.*");
    /** A subgroup under its group: "group / thread pool". */
    private static final String SEPARATOR = " / ";

    /** Threads started while the load generator made something, whatever their class loader. */
    private static final Set<Thread> LOAD_GENERATOR_THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<Integer, String> applicationsByPort = new HashMap<>();
    private final Set<String> applications;

    PlatformThreads(Platform platform) {
        platform.serviceNames().forEach(name -> applicationsByPort.put(port(platform.serviceUrl(name)), name));
        applicationsByPort.put(port(platform.gatewayUrl()), "gateway");
        applications = Set.copyOf(applicationsByPort.values());
    }

    /** The grouping for {@link ThreadCpu}: "group / thread pool". */
    Function<Thread, String> grouping() {
        return thread -> group(thread) + SEPARATOR + ThreadCpu.byName(thread.getName());
    }

    /** Every live thread, its group and its context class loaders: to check the grouping ({@code -DlistThreads}). */
    void list() {
        Thread.getAllStackTraces().keySet().stream().sorted(java.util.Comparator.comparing(Thread::getName))
                .forEach(thread -> {
                    StringBuilder loaders = new StringBuilder();
                    for (ClassLoader l = thread.getContextClassLoader(); l != null; l = l.getParent()) {
                        loaders.append(" <- ").append(l.getName() != null ? l.getName() : l.getClass().getSimpleName());
                    }
                    System.out.printf("  %-70s %-40s%s%n", thread.getName(), group(thread), loaders);
                });
    }

    /**
     * Makes something (an HTTP client, say) whose threads are the load generator's: those it starts later inherit the
     * calling thread's context class loader, here the marker one; those it starts at once are remembered (the JDK
     * client's selector thread inherits no context class loader: it counted as the gateway's before 2026-12-07).
     */
    static <T> T asLoadGenerator(java.util.function.Supplier<T> make) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        current.setContextClassLoader(LOAD_GENERATOR_LOADER);
        try {
            return make.get();
        } finally {
            current.setContextClassLoader(previous);
            Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread))
                    .forEach(LOAD_GENERATOR_THREADS::add);
        }
    }

    private String group(Thread thread) {
        String name = thread.getName();
        if (name.startsWith("bench-") || LOAD_GENERATOR_THREADS.contains(thread)) return LOAD_GENERATOR;
        Matcher tomcat = TOMCAT.matcher(name);
        if (tomcat.matches() && applicationsByPort.containsKey(Integer.parseInt(tomcat.group(1)))) {
            return applicationsByPort.get(Integer.parseInt(tomcat.group(1)));
        }
        for (ClassLoader loader = thread.getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader == LOAD_GENERATOR_LOADER) return LOAD_GENERATOR;
            if (loader.getName() != null && applications.contains(loader.getName())) return loader.getName();
        }
        if (name.startsWith("ForkJoinPool-")) return CARRIERS;
        if (KAFKA_BROKER.matcher(name).matches()) return BROKER;
        return OTHER;
    }

    /** Prints each group's CPU per order, largest first, with its largest thread pools. */
    static void print(Map<String, Long> usedNanos, int orders) {
        Map<String, Map<String, Long>> byGroup = new TreeMap<>();
        usedNanos.forEach((key, nanos) -> {
            boolean jvm = key.startsWith(ThreadCpu.JVM_GROUP_PREFIX);
            String group = jvm ? JVM : key.substring(0, key.indexOf(SEPARATOR));
            String pool = jvm ? key.substring(ThreadCpu.JVM_GROUP_PREFIX.length())
                    : key.substring(key.indexOf(SEPARATOR) + SEPARATOR.length());
            byGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(pool, nanos, Long::sum);
        });
        long all = usedNanos.values().stream().mapToLong(Long::longValue).sum();
        System.out.println();
        System.out.printf("JVM CPU per order by thread group (ms; the largest thread pools of each)   all %.2f%n",
                all / 1e6 / orders);
        byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Map<String, Long>>comparingByValue(
                        java.util.Comparator.comparingLong(PlatformThreads::sum)).reversed())
                .forEach(group -> {
                    System.out.printf("  %-70s %6.2f  %3.0f%%%n", group.getKey(), sum(group.getValue()) / 1e6 / orders,
                            100.0 * sum(group.getValue()) / all);
                    group.getValue().entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .filter(pool -> pool.getValue() >= 0.01e6 * orders).limit(6)
                            .forEach(pool -> System.out.printf("      %-66s %6.2f%n", abbreviate(pool.getKey()),
                                    pool.getValue() / 1e6 / orders));
                });
    }

    private static long sum(Map<String, Long> pools) {
        return pools.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String abbreviate(String pool) {
        return pool.length() <= 66 ? pool : pool.substring(0, 63) + "...";
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }
}
