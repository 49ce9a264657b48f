package dev.seatbooking.testinfra.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM (in the benchmarks, the services, the Kafka broker and the load generator all run
 * in it) and by its PostgreSQL server (its postmaster and backends), from {@code /proc}. Linux only; zero elsewhere.
 */
public record CpuTime(double jvmSeconds, double postgresSeconds) {

    /** @param postgresPort the port of the PostgreSQL server whose processes to count */
    public static CpuTime now(int postgresPort) {
        double jvm = seconds(ProcessHandle.current().pid());
        double postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains("-p " + postgresPort))
                        .orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                        postmaster.descendants()))
                .mapToDouble(p -> seconds(p.pid())).sum();
        return new CpuTime(jvm, postgres);
    }

    public CpuTime minus(CpuTime earlier) {
        return new CpuTime(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks / 100.0; // USER_HZ
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
