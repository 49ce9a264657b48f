package dev.seatbooking.registration.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads, grouped by what they do (their names without numbers), between two moments: the Java
 * threads (from the thread MX bean), and on Linux also the JVM's own (JIT compilers, garbage collector, VM thread, from
 * {@code /proc/self/task}), which the MX bean does not see.
 */
final class ThreadCpu {

    /** The JVM's own threads, by their Linux thread names (at most 15 characters). */
    private static final Pattern JVM_THREADS = Pattern.compile(
            "C[12] CompilerThre|GC Thread#\\d+|VM Thread|VM Periodic Tas|G1 .*|Sweeper thread|Monitor Deflati");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final Map<String, Long> jvmStart = jvmThreadTicks();

    ThreadCpu() {
        for (var info : threads.dumpAllThreads(false, false)) {
            start.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
        }
    }

    void print(int orders) {
        print(orders, "ms per order");
    }

    /** @param per what the CPU milliseconds are divided by, named by {@code unit} */
    void print(double per, String unit) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (var info : threads.dumpAllThreads(false, false)) {
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) continue;
            long used = cpu - start.getOrDefault(info.getThreadId(), 0L);
            byGroup.merge(group(info.getThreadName()), used, Long::sum);
        }
        jvmThreadTicks().forEach((name, ticks) -> byGroup.merge("(JVM) " + name,
                (ticks - jvmStart.getOrDefault(name, 0L)) * 1_000_000_000L / TICKS_PER_SECOND, Long::sum));
        System.out.println();
        System.out.printf("JVM CPU by thread group (virtual threads count under their carriers)   %s%n", unit);
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("  %-60s %6.2f%n", e.getKey(), e.getValue() / 1e6 / per));
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
                    ticks.merge(group(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return ticks;
    }

    private static String group(String name) {
        return name.replaceAll("[-#]?\\d+", "").replaceAll("\\s+", " ");
    }
}
