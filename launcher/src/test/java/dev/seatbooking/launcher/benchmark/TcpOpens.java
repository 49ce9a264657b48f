package dev.seatbooking.launcher.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * TCP connections opened on this machine, from the kernel's counters ({@code /proc/net/snmp}, {@code Tcp: ActiveOpens}):
 * every part of the platform keeps its connections (the gateway's pool to the services, the load generator's to the
 * gateway, Hikari's to PostgreSQL, Kafka's), so connections opened per order show a client that closes and reopens
 * them, as the gateway's pool did while it was too small for every service (gateway README). Machine-wide: whatever
 * else runs counts too. Zero where the file does not exist (not Linux).
 */
record TcpOpens(long active) {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    static TcpOpens now() {
        try {
            List<String> tcp = Files.readAllLines(SNMP).stream().filter(line -> line.startsWith("Tcp:")).toList();
            int column = Arrays.asList(tcp.get(0).split("\\s+")).indexOf("ActiveOpens");
            return new TcpOpens(Long.parseLong(tcp.get(1).split("\\s+")[column]));
        } catch (IOException | RuntimeException unreadable) {
            return new TcpOpens(0);
        }
    }

    TcpOpens minus(TcpOpens before) {
        return new TcpOpens(active - before.active);
    }

    void print(int orders) {
        System.out.printf("TCP connections opened     %.2f per order (machine-wide)%n", (double) active / orders);
    }
}
