package dev.seatbooking.registration.support;

import dev.seatbooking.registration.support.RegistrantClient.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import static org.awaitility.Awaitility.await;

/**
 * Many registrants ordering seats of one seat type at once: place-order requests of 1 to 3 seats each, from
 * {@code threads} client threads. A request that fails (the service is stopping or not there yet) is sent again,
 * unchanged (same order id: placing is idempotent), until the service answers.
 */
public final class OrderBurst {

    /** Where the i-th order goes: a conference and the seat type it asks for. */
    public record Target(UUID conferenceId, UUID seatType) {
    }

    /**
     * @param requested seats asked per order; {@code targets} where each order went; {@code retried} requests that
     *                  had to be sent again
     */
    public record Result(List<UUID> orderIds, Map<UUID, Integer> requested, Map<UUID, Target> targets, int retried) {
        public int seatsRequested() {
            return requested.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private OrderBurst() {
    }

    /**
     * {@code orders} orders for one conference's seat type.
     *
     * @param clients  the client for the i-th order (several instances: spread the orders over them)
     * @param onPlaced called with how many orders have been placed so far, after each one (e.g. to stop the service
     *                 halfway)
     */
    public static Result place(IntFunction<RegistrantClient> clients, UUID conferenceId, UUID seatType, int orders,
                               int threads, long seed, IntConsumer onPlaced) {
        Target target = new Target(conferenceId, seatType);
        return place(clients, i -> target, i -> i < orders, threads, seed, onPlaced);
    }

    /**
     * Orders while {@code more} accepts the next order's index, the i-th for {@code targets.apply(i)}.
     *
     * @param onPlaced called with how many orders have been placed so far, after each one
     */
    public static Result place(IntFunction<RegistrantClient> clients, IntFunction<Target> targets, IntPredicate more,
                               int threads, long seed, IntConsumer onPlaced) {
        Map<Integer, UUID> ids = new ConcurrentHashMap<>();
        Map<UUID, Integer> requested = new ConcurrentHashMap<>();
        Map<UUID, Target> placedFor = new ConcurrentHashMap<>();
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); more.test(i); i = next.getAndIncrement()) {
                        UUID id = UUID.randomUUID();
                        Target target = targets.apply(i);
                        int seats = 1 + new SplittableRandom(seed + i).nextInt(3);
                        placeOne(i, clients, target, id, seats, retried);
                        ids.put(i, id);
                        requested.put(id, seats);
                        placedFor.put(id, target);
                        onPlaced.accept(placed.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        } catch (Exception e) {
            throw new AssertionError("The burst of orders failed", e);
        }
        return new Result(List.copyOf(new TreeMap<>(ids).values()), Map.copyOf(requested), Map.copyOf(placedFor),
                retried.get());
    }

    /** Sends the order until an instance answers it, and insists that the answer is 201. */
    private static void placeOne(int index, IntFunction<RegistrantClient> clients, Target target, UUID id,
                                 int seats, AtomicInteger retried) {
        AtomicReference<Response> answer = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    if (attempts.getAndIncrement() > 0) retried.incrementAndGet();
                    Response r = clients.apply(index).placeOrder(target.conferenceId(), id, target.seatType(), seats);
                    answer.set(r);
                    return r.status() < 500;
                });
        if (answer.get().status() != 201) {
            throw new AssertionError("Order " + id + " was answered " + answer.get().status() + ": "
                    + answer.get().text());
        }
    }
}
