package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.store.StoredEvent;

import java.util.Map;
import java.util.function.Function;

/** Ready-made ways to choose the topic of an event for {@link EventRelay}. */
public final class TopicRouting {

    private TopicRouting() {
    }

    /**
     * One topic per stream type (usually: per context, so several stream types share a topic).
     * An event of a stream type not in the map stops the relay at that event until it is mapped:
     * skipping it would lose it for good.
     */
    public static Function<StoredEvent, String> byStreamType(Map<String, String> topicsByStreamType) {
        Map<String, String> topics = Map.copyOf(topicsByStreamType);
        return event -> {
            String topic = topics.get(event.streamType());
            if (topic == null) {
                throw new IllegalStateException("No topic for stream type " + event.streamType()
                        + " (event " + event.messageId() + " at " + event.position() + ")");
            }
            return topic;
        };
    }
}
