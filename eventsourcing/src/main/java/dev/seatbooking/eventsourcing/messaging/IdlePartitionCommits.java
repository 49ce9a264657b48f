package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.event.ListenerContainerPartitionIdleEvent;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commits what a quiet partition's consumer has handled, when its last commit did not reach the broker.
 * <p>
 * Why: a container forgets the offsets of a commit that fails. With the broker away longer than the commit's timeout
 * (60 s) or its group coordinator still loading after a restart, the handled records' offsets are dropped; the next
 * poll's commit covers only the partitions that got new records. A partition that stays quiet then lags for good,
 * although every record was handled (seen in the fault suite: four groups one record behind, minutes after the broker
 * was back). Nothing is lost, as the inbox skips what a restart delivers again, but the group never catches up.
 * <p>
 * How: the container publishes a {@link ListenerContainerPartitionIdleEvent} on the consumer's own thread, between
 * polls, for a partition without records for {@link #INTERVAL}. Every record before the consumer's position has been
 * handled by then (a failing one is sought back to by the error handler), so if the group's committed offset is
 * below the position, the position is committed. A position found committed is remembered, so a quiet partition
 * costs one offset lookup, not one per interval. Every other event goes on to the publisher Spring gave the container.
 * ADR 22 says why this and not another way.
 */
final class IdlePartitionCommits implements ApplicationEventPublisher {

    /**
     * How long a partition is quiet before its commit is checked. Longer than a poll's wait for records (Spring's
     * 5 s) plus the longest offset commit interval in use (1 s), so that a commit the container still had pending has
     * been made by then: checking at 5 s, the tests' consumers committed for the container at every quiet spell.
     */
    static final Duration INTERVAL = Duration.ofSeconds(15);

    /** The longest a check holds up its consumer's polls. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(IdlePartitionCommits.class);

    private final ApplicationEventPublisher next;
    private final Map<TopicPartition, Long> knownCommitted = new ConcurrentHashMap<>();
    /** After a check that failed (the broker away), the consumers do not ask again before this (nanoTime). */
    private volatile long quietUntil = System.nanoTime();

    IdlePartitionCommits(ApplicationEventPublisher next) {
        this.next = next;
    }

    @Override
    public void publishEvent(Object event) {
        if (event instanceof ListenerContainerPartitionIdleEvent idle) {
            commitHandled(idle.getConsumer(), idle.getTopicPartition());
        }
        if (next != null) next.publishEvent(event);
    }

    private void commitHandled(Consumer<?, ?> consumer, TopicPartition partition) {
        if (System.nanoTime() - quietUntil < 0) return;
        try {
            long position = consumer.position(partition, TIMEOUT);
            Long known = knownCommitted.get(partition);
            if (known != null && known == position) return;
            OffsetAndMetadata committed = consumer.committed(Set.of(partition), TIMEOUT).get(partition);
            if (committed == null ? position > 0 : committed.offset() < position) {
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(position)), TIMEOUT);
                log.info("Committed offset {} of quiet partition {}, where the group had {}: a commit had failed",
                        position, partition, committed == null ? "none" : committed.offset());
            }
            knownCommitted.put(partition, position);
        } catch (WakeupException | InterruptException e) {
            throw e; // the container is stopping
        } catch (KafkaException e) {
            quietUntil = System.nanoTime() + INTERVAL.toNanos();
            log.debug("Could not check the commit of quiet partition {}; trying again later", partition, e);
        }
    }
}
