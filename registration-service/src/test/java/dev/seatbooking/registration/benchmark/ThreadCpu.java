package dev.seatbooking.registration.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** CPU time of this JVM's threads, grouped by what they do (their names without numbers), between two moments. */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

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
        System.out.println();
        System.out.printf("JVM CPU by thread group (virtual threads count under their carriers)   %s%n", unit);
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("  %-60s %6.2f%n", e.getKey(), e.getValue() / 1e6 / per));
    }

    private static String group(String name) {
        return name.replaceAll("[-#]?\\d+", "").replaceAll("\\s+", " ");
    }
}
