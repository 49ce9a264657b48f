package dev.seatbooking.testinfra.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads, grouped, between two moments: the Java threads (from the thread MX bean), and on
 * Linux also the JVM's own (JIT compilers, garbage collector, VM thread, from {@code /proc/self/task}), which the MX
 * bean does not see. Virtual threads count under their carriers. A thread that ended in between is not counted.
 * The benchmarks' (registration's LoadBenchmark, the launcher's end-to-end one) common measure of where CPU goes.
 */
public final class ThreadCpu {

    /** The JVM's own threads, by their Linux thread names (at most 15 characters). */
    private static final Pattern JVM_THREADS = Pattern.compile(
            "C[12] CompilerThre|GC Thread#\\d+|VM Thread|VM Periodic Tas|G1 .*|Sweeper thread|Monitor Deflati");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux
    /** The group of a JVM thread: what {@link #used()} names them by. */
    public static final String JVM_GROUP_PREFIX = "(JVM) ";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Function<Thread, String> grouping;
    private final Map<Long, Long> start = new HashMap<>();
    private final Map<String, Long> jvmStart = jvmThreadTicks();

    /** Threads grouped by their names without numbers ({@link #byName}). */
    public ThreadCpu() {
        this(thread -> byName(thread.getName()));
    }

    /** @param grouping the group a Java thread's CPU counts in (asked when the CPU is read) */
    public ThreadCpu(Function<Thread, String> grouping) {
        this.grouping = grouping;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            start.put(thread.threadId(), threads.getThreadCpuTime(thread.threadId()));
        }
    }

    /** CPU nanoseconds used since this was made, by group; the JVM's own threads as {@code "(JVM) <name>"}. */
    public Map<String, Long> used() {
        Map<String, Long> byGroup = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(thread.threadId());
            if (cpu < 0) continue;
            long used = cpu - Math.max(0, start.getOrDefault(thread.threadId(), 0L));
            byGroup.merge(grouping.apply(thread), used, Long::sum);
        }
        jvmThreadTicks().forEach((name, ticks) -> byGroup.merge(JVM_GROUP_PREFIX + name,
                (ticks - jvmStart.getOrDefault(name, 0L)) * 1_000_000_000L / TICKS_PER_SECOND, Long::sum));
        return byGroup;
    }

    public void print(int orders) {
        print(orders, "ms per order");
    }

    /** @param per what the CPU milliseconds are divided by, named by {@code unit} */
    public void print(double per, String unit) {
        Map<String, Long> byGroup = new TreeMap<>(used());
        System.out.println();
        System.out.printf("JVM CPU by thread group (virtual threads count under their carriers)   %s%n", unit);
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("  %-60s %6.2f%n", e.getKey(), e.getValue() / 1e6 / per));
    }

    /** A thread's name without its numbers: the threads of one pool in one group. */
    public static String byName(String name) {
        return name.replaceAll("[-#]?\\d+", "").replaceAll("\\s+", " ");
    }

    /** CPU ticks (user + system) of the JVM's own threads, by group; empty where there is no {@code /proc}. */
    private static Map<String, Long> jvmThreadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!JVM_THREADS.matcher(name).matches()) return;
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // C1 and C2 told apart: which compiler works is what a JIT mode changes
                    String group = name.matches("C[12] CompilerThre") ? name : byName(name);
                    ticks.merge(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return ticks;
    }
}
