package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances feeding one generation: a batch commits only if its partitions' stored offsets are still where its
 * runner resumed them. An instance that lost its partition (a zombie finishing its poll) or that resumed from offsets
 * another instance has since moved applies nothing.
 */
class FencedBatchTest extends ProjectionTest {

    static final TopicPartition SCRATCH = new TopicPartition("scratch", 0);

    @Autowired
    DraftOrdersProjection draftOrders;

    @Test
    void a_batch_that_does_not_start_where_the_offsets_stand_applies_nothing() {
        ProjectionHarness harness = harness(draftOrders);
        List<ConsumerRecord<String, byte[]>> first = orders(harness, 2);
        applier.apply(draftOrders, harness.tables(), first, Map.of(), BatchHooks.NONE);
        List<ConsumerRecord<String, byte[]>> second = orders(harness, 2);
        Map<String, List<String>> before = rows(harness);

        // Resumed from no offset (or from an old one) while another instance has moved the partition on.
        assertThatThrownBy(() -> applier.apply(draftOrders, harness.tables(), second, Map.of(), BatchHooks.NONE))
                .isInstanceOf(PartitionMovedException.class);
        assertThatThrownBy(() -> applier.apply(draftOrders, harness.tables(), second, Map.of(SCRATCH, 1L),
                BatchHooks.NONE)).isInstanceOf(PartitionMovedException.class);

        assertThat(rows(harness)).isEqualTo(before);
        assertThat(GenerationSchema.offsets(harness.tables())).isEqualTo(Map.of(SCRATCH, 4L));
        applier.apply(draftOrders, harness.tables(), second, Map.of(SCRATCH, 4L), BatchHooks.NONE);
        assertThat(GenerationSchema.offsets(harness.tables())).isEqualTo(Map.of(SCRATCH, 8L));
    }

    @RepeatedTest(10)
    void of_two_instances_applying_the_same_batch_at_once_exactly_one_commits() throws Exception {
        ProjectionHarness harness = harness(draftOrders);
        applier.apply(draftOrders, harness.tables(), orders(harness, 1), Map.of(), BatchHooks.NONE);
        List<ConsumerRecord<String, byte[]>> batch = orders(harness, 20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    applier.apply(draftOrders, harness.tables(), batch, Map.of(SCRATCH, 2L), BatchHooks.NONE);
                    return true;
                } catch (PartitionMovedException fenced) {
                    return false;
                }
            }));
        }
        start.countDown();
        int committed = 0;
        for (CompletableFuture<Boolean> instance : instances) committed += instance.get(30, TimeUnit.SECONDS) ? 1 : 0;

        assertThat(committed).isEqualTo(1);
        assertThat(GenerationSchema.offsets(harness.tables())).isEqualTo(Map.of(SCRATCH, 42L));
        assertThat(harness.tables().query("SELECT count(*) FROM {g}.draft_orders", (r, n) -> r.getLong(1)).getFirst())
                .isEqualTo(21);
    }

    /** Records of {@code count} orders placed then expired, at the harness's next offsets. */
    private static List<ConsumerRecord<String, byte[]>> orders(ProjectionHarness harness, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stream order = Stream.random();
            records.add(harness.record(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1)))));
            records.add(harness.record(order.next(new OrderExpired(order.id()))));
        }
        return records;
    }

    private Map<String, List<String>> rows(ProjectionHarness harness) {
        Map<String, List<String>> rows = new HashMap<>();
        for (String table : List.of("draft_orders", "stream_versions")) {
            rows.put(table, harness.tables().query("SELECT t::text FROM {g}." + table + " t ORDER BY 1",
                    (r, n) -> r.getString(1)));
        }
        return rows;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
