package dev.seatbooking.registration.messaging;

import dev.seatbooking.registration.RegistrationProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Declares the topics this service publishes to and consumes from, before its consumers start (a consumer subscribed
 * to a missing topic would only notice it minutes after it appears). Idempotent: topics that exist are left as they
 * are. Event topics keep their history ({@code retention.ms=-1}), so read models can be rebuilt from offset zero.
 */
public class KafkaTopicDeclarations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicDeclarations.class);

    private final Environment environment;
    private final RegistrationTopics topics;
    private final RegistrationProperties.Messaging settings;

    public KafkaTopicDeclarations(Environment environment, RegistrationTopics topics, RegistrationProperties properties) {
        this.environment = environment;
        this.topics = topics;
        this.settings = properties.messaging();
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (!settings.createTopics()) return;
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics.eventTopics()) {
            wanted.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        }
        for (String topic : topics.commandTopics()) {
            wanted.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
        }
        String bootstrap = environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) return;
            var result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} ({} partitions)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e; // created meanwhile by another
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within "
                    + Duration.ofSeconds(30) + " while declaring topics", e);
        }
    }
}
