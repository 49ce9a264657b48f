package dev.seatbooking.launcher.benchmark;

import java.util.stream.LongStream;

/** Durations in ms, sorted, and their percentiles. */
record Latencies(long[] sortedMillis) {

    static Latencies of(LongStream nanos) {
        return new Latencies(nanos.map(n -> n / 1_000_000).sorted().toArray());
    }

    int count() {
        return sortedMillis.length;
    }

    long percentile(int percentile) {
        if (sortedMillis.length == 0) return -1;
        int index = (int) Math.ceil(percentile / 100.0 * sortedMillis.length) - 1;
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
    }

    String p50p99() {
        return percentile(50) + " / " + percentile(99);
    }

    void print(String what) {
        System.out.printf("%-40s %6d %8d %8d %8d%n", what, count(), percentile(50), percentile(99),
                count() == 0 ? -1 : sortedMillis[count() - 1]);
    }
}
