package dev.seatbooking.eventsourcing.spring;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Health of the Kafka connection ({@code kafka} in {@code /actuator/health}): up when the cluster answers a
 * describe-cluster request within the timeout. Part of each service's readiness group, so an instance that cannot
 * reach the broker is taken out of service.
 */
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;

    public KafkaHealthIndicator(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        long millis = timeout.toMillis();
        try {
            DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down(e).withDetail("bootstrapServers", bootstrapServers).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.CLIENT_ID_CONFIG, "health-check"));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) admin.close(Duration.ofSeconds(2));
    }
}
