package dev.seatbooking.registration.support;

import dev.seatbooking.registration.support.RegistrantClient.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Many registrants ordering seats of one seat type at once: {@code orders} place-order requests of 1 to 3 seats each,
 * from {@code threads} client threads. A request that fails (the service is stopping or not there yet) is sent again,
 * unchanged (same order id: placing is idempotent), until the service answers.
 */
public final class OrderBurst {

    /** @param requested seats asked per order; {@code retried} requests that had to be sent again */
    public record Result(List<UUID> orderIds, Map<UUID, Integer> requested, int retried) {
        public int seatsRequested() {
            return requested.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private OrderBurst() {
    }

    /**
     * @param clients the client for the i-th order (several instances: spread the orders over them)
     * @param onPlaced called with how many orders have been placed so far, after each one (e.g. to stop the service
     *                 halfway)
     */
    public static Result place(IntFunction<RegistrantClient> clients, UUID conferenceId, UUID seatType, int orders,
                               int threads, long seed, java.util.function.IntConsumer onPlaced) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Integer> requested = new ConcurrentHashMap<>();
        for (int i = 0; i < orders; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            requested.put(id, 1 + random.nextInt(3));
        }
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        int index = i;
                        UUID id = ids.get(index);
                        AtomicReference<Response> answer = new AtomicReference<>();
                        AtomicInteger attempts = new AtomicInteger();
                        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                                    if (attempts.getAndIncrement() > 0) retried.incrementAndGet();
                                    Response r = clients.apply(index).placeOrder(conferenceId, id, seatType,
                                            requested.get(id));
                                    answer.set(r);
                                    return r.status() < 500;
                                });
                        if (answer.get().status() != 201) {
                            throw new AssertionError("Order " + id + " was answered " + answer.get().status() + ": "
                                    + answer.get().text());
                        }
                        onPlaced.accept(placed.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        } catch (Exception e) {
            throw new AssertionError("The burst of orders failed", e);
        }
        return new Result(Collections.unmodifiableList(ids), Map.copyOf(requested), retried.get());
    }
}
