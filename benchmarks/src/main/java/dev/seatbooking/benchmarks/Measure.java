package dev.seatbooking.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How every number is taken: each variant is warmed up, then measured in several fixed-duration iterations,
 * the variants alternating within each round and the order reversed every other round (A B B A ...), so that
 * drift (the table growing, a checkpoint, another build on the machine) falls on all of them alike.
 */
final class Measure {

    private Measure() {
    }

    /** Units done (appends, events, loads) in a measured time. */
    record Sample(double units, long nanos) {
        double perSecond() {
            return units * 1e9 / nanos;
        }
    }

    @FunctionalInterface
    interface Task {
        Sample run(Duration duration) throws Exception;
    }

    record Variant(String name, Task task) {
    }

    /** One unit of work of one writer; returns how many units (events) it did. */
    @FunctionalInterface
    interface Step {
        int step() throws Exception;
    }

    /** Per-iteration rates (units/s) of every variant, in iteration order. */
    static final class Results {
        final Map<String, List<Double>> rates = new LinkedHashMap<>();

        Stats stats(String variant) {
            return new Stats(rates.get(variant));
        }

        /** ours_i / reference_i for each iteration: the two ran next to each other. */
        double[] paired(String ours, String reference) {
            List<Double> a = rates.get(ours), b = rates.get(reference);
            double[] r = new double[a.size()];
            for (int i = 0; i < r.length; i++) r[i] = a.get(i) / b.get(i);
            return r;
        }
    }

    record Stats(List<Double> values) {
        double median() {
            return Measure.median(values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Warms every variant up once, runs {@code beforeMeasuring}, then {@code iterations} rounds of all variants,
     * the order reversed every other round.
     */
    static Results alternate(List<Variant> variants, Duration warmup, Duration iteration, int iterations,
                             Runnable beforeMeasuring) throws Exception {
        for (Variant v : variants) {
            Sample s = v.task().run(warmup);
            System.out.printf("    warm-up   %-44s %,12.0f /s%n", v.name(), s.perSecond());
        }
        beforeMeasuring.run();
        Results results = new Results();
        for (Variant v : variants) results.rates.put(v.name(), new ArrayList<>());
        for (int i = 0; i < iterations; i++) {
            List<Variant> order = new ArrayList<>(variants);
            if (i % 2 == 1) java.util.Collections.reverse(order);
            StringBuilder line = new StringBuilder(String.format("    iter %d/%d ", i + 1, iterations));
            for (Variant v : order) {
                Sample s = v.task().run(iteration);
                results.rates.get(v.name()).add(s.perSecond());
                line.append(String.format(" | %s %,.0f", v.name(), s.perSecond()));
            }
            System.out.println(line);
        }
        return results;
    }

    /** Runs one step per writer thread, all together, until the duration is over. */
    static Sample concurrently(Duration duration, List<? extends Step> writers) throws Exception {
        int n = writers.size();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] done = new long[n];
        long[] deadline = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int w = i;
            threads[i] = Thread.ofPlatform().name("bench-writer-" + i).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    long end = deadline[0];
                    long units = 0;
                    Step step = writers.get(w);
                    while (System.nanoTime() < end && failure.get() == null) units += step.step();
                    done[w] = units;
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + duration.toNanos();
        go.countDown();
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) throw new IllegalStateException("A writer failed", failure.get());
        return new Sample(Arrays.stream(done).sum(), elapsed);
    }

    /** Repeats a whole operation (at least once) until the duration is over. */
    static Sample repeat(Duration duration, Step operation) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long units = 0;
        do {
            units += operation.step();
        } while (System.nanoTime() < end);
        return new Sample(units, System.nanoTime() - start);
    }
}
