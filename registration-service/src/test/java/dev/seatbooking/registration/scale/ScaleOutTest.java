package dev.seatbooking.registration.scale;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.support.OrderBurst;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.SeatInvariants;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database and one Kafka, on different ports, share the work through the consumer
 * groups: each owns some partitions of every topic, none owns a partition the other owns, so each conference still
 * has a single SeatsAvailability writer. The concurrency scenario (500 orders for 100 seats, spread over both
 * instances' APIs) holds as it does with one.
 */
class ScaleOutTest {

    static final int CAPACITY = 100;
    static final int ORDERS = 500;
    static final int PARTITIONS = 6;
    static final Duration HOLD = Duration.ofMinutes(15);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<String> CONSUMERS = List.of("seatsAvailabilityCommandsConsumer",
            "registrationProcessConsumer", "conferenceEventsConsumer");

    private final TestPostgres.Database database = TestPostgres.newDatabase("registration_scale_out");
    private final String topicPrefix = TestService.newTopicPrefix();
    private final UpstreamServices upstream = new UpstreamServices(TestKafka.bootstrapServers(), topicPrefix);
    private TestService first;
    private TestService second;

    @AfterEach
    void stop() {
        upstream.close();
        if (second != null) second.close();
        if (first != null) first.close();
        TestClock.INSTANCE.reset();
    }

    @Test
    void two_instances_share_the_partitions_and_still_reserve_exactly_the_seats_on_sale() {
        // Six partitions for three consumer threads per role per instance: every consumer has one.
        Map<String, Object> settings = Map.of("registration.messaging.partitions", PARTITIONS);
        first = TestService.start(database, topicPrefix, settings);
        second = TestService.start(database, topicPrefix, settings);
        for (String consumer : CONSUMERS) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertSharedAndDisjoint(consumer));
        }
        PublishedConference conference = upstream.publishConference(HOLD,
                new SeatTypeSpec("General", CAPACITY, Money.of("30.00", "EUR")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                first.probe().onSale(conference.id(), Map.of(conference.seatType(), CAPACITY)));

        List<RegistrantClient> instances = List.of(new RegistrantClient(first.baseUrl()),
                new RegistrantClient(second.baseUrl()));
        OrderBurst.Result burst = OrderBurst.place(i -> instances.get(i % 2), conference.id(), conference.seatType(),
                ORDERS, 8, 11, placed -> {
                });

        assertThat(burst.retried()).isZero();
        SeatInvariants.assertEveryOrderReservedWithinCapacity(second.probe(), conference.id(), conference.seatType(),
                CAPACITY, burst, WAIT);
        for (String consumer : CONSUMERS) assertSharedAndDisjoint(consumer); // no rebalance moved the writer meanwhile
        first.probe().timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER)); // both instances: one clock, one database
        SeatInvariants.assertEveryUnpaidSeatReturned(first.probe(), conference.id(), conference.seatType(), CAPACITY,
                burst, WAIT);
    }

    /** Both instances own partitions of the role's topics, never the same one, and together all of them. */
    private void assertSharedAndDisjoint(String consumer) {
        Set<TopicPartition> mine = first.assignedPartitions(consumer);
        Set<TopicPartition> theirs = second.assignedPartitions(consumer);
        assertThat(mine).as(consumer + " of the first instance").isNotEmpty();
        assertThat(theirs).as(consumer + " of the second instance").isNotEmpty();
        assertThat(mine).as(consumer + ": partitions owned by both instances").noneMatch(theirs::contains);
        Set<TopicPartition> all = new HashSet<>(mine);
        all.addAll(theirs);
        int topics = (int) all.stream().map(TopicPartition::topic).distinct().count();
        assertThat(all).as(consumer + " together").hasSize(topics * PARTITIONS);
    }
}
