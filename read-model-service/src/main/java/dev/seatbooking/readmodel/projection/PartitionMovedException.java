package dev.seatbooking.readmodel.projection;

import org.apache.kafka.common.TopicPartition;

/**
 * A batch's offsets did not start where this runner thought its partition stood: another instance (the partition's
 * new owner after a rebalance, or the old one finishing its batch) committed it first. The batch is rolled back and
 * the runner resumes from the stored offsets; nothing was applied twice.
 */
public final class PartitionMovedException extends RuntimeException {

    public PartitionMovedException(TopicPartition partition, Long expected) {
        super(partition + " is no longer at " + (expected == null ? "its beginning" : "offset " + expected)
                + ": another instance applied it");
    }
}
